import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Everything that changes what `next build` produces.
const INPUTS = ["scripts/lib/compile-hints.ts", "app", "components", "lib", "public", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function collect(file: string, out: string[]) {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) {
    for (const name of readdirSync(file).sort()) {
      if (name === "generated" || name.endsWith(".test.ts")) continue;
      collect(path.join(file, name), out);
    }
  } else {
    out.push(file);
  }
}

export function buildFingerprint(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) collect(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

const STAMP = "gloss-build-fingerprint";

export function isBuildCurrent(distDir: string, fingerprint: string): boolean {
  const stamp = path.join(distDir, STAMP);
  return existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
}

export function stampBuild(distDir: string, fingerprint: string, write: (file: string, data: string) => void) {
  write(path.join(distDir, STAMP), fingerprint);
}
