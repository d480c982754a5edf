import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildFingerprint, isBuildCurrent, stampBuild } from "./build-fingerprint";
import { log, ROOT } from "./bootstrap";
import { SERVER_NODE_FLAGS } from "./server-node-flags";

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

// Gloss makes no calls home; Next's anonymous telemetry stays off unless asked for.
function withoutTelemetry(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { NEXT_TELEMETRY_DISABLED: "1", ...env };
}

/** Runs `next build` unless the build in `distDir` was made from the current sources. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, distDir = ".next") {
  const fingerprint = buildFingerprint(ROOT);
  const absoluteDist = path.join(ROOT, distDir);
  if (isBuildCurrent(absoluteDist, fingerprint)) return;
  log("Building Gloss (first run or changed sources) …");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env: withoutTelemetry(env), stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
  stampBuild(absoluteDist, fingerprint, (file, data) => writeFileSync(file, data));
}

export function spawnNext(command: "start" | "dev", port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...SERVER_NODE_FLAGS, NEXT_BIN, command, "--port", String(port), "--hostname", env.HOSTNAME ?? "0.0.0.0"], {
    cwd: ROOT,
    env: withoutTelemetry(env),
    stdio: "inherit",
  });
}
