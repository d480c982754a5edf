import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildFingerprint, isBuildCurrent, stampBuild } from "./build-fingerprint";
import { addEagerCompileHints } from "./compile-hints";
import { startInBackground, type BackgroundTask } from "./background-task";
import { log, ROOT } from "./bootstrap";
import { NEXT_BIN, nextStartArgs, SERVER_NODE_FLAGS } from "./next-server-command";

// Gloss makes no calls home; Next's anonymous telemetry stays off unless asked for.
function withoutTelemetry(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { NEXT_TELEMETRY_DISABLED: "1", ...env };
}

/**
 * `next build` for `distDir`, and what finishes it: the eager-compile hint on its client chunks (./compile-hints),
 * then the stamp that marks the result current; null when the build already is.
 */
function pendingBuild(distDir: string): { args: string[]; finish: () => void } | null {
  const fingerprint = buildFingerprint(ROOT);
  const absoluteDist = path.join(ROOT, distDir);
  if (isBuildCurrent(absoluteDist, fingerprint)) return null;
  return {
    args: [NEXT_BIN, "build"],
    finish: () => {
      addEagerCompileHints(absoluteDist);
      stampBuild(absoluteDist, fingerprint, (file, data) => writeFileSync(file, data));
    },
  };
}

/** Runs `next build` unless the build in `distDir` was made from the current sources. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, distDir = ".next") {
  const build = pendingBuild(distDir);
  if (!build) return;
  log("Building Gloss (first run or changed sources) …");
  const result = spawnSync(process.execPath, build.args, { cwd: ROOT, env: withoutTelemetry(env), stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
  build.finish();
}

/** buildIfNeeded, started beside other work (see startInBackground); null when the build is current. */
export function startBuildIfNeeded(env: NodeJS.ProcessEnv, distDir: string): BackgroundTask | null {
  const build = pendingBuild(distDir);
  if (!build) return null;
  return startInBackground("Building Gloss", process.execPath, build.args, { env: withoutTelemetry(env), onSuccess: build.finish });
}

export function spawnNext(command: "start" | "dev", port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const hostname = env.HOSTNAME ?? "0.0.0.0";
  const args = command === "start" ? nextStartArgs(port, hostname) : [...SERVER_NODE_FLAGS, NEXT_BIN, "dev", "--port", String(port), "--hostname", hostname];
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: withoutTelemetry(env),
    stdio: "inherit",
  });
}
