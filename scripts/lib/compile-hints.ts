import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * V8's file-wide compile hint (Chrome 136+, https://v8.dev/blog/explicit-compile-hints): a script that starts with
 * this comment has all its functions compiled while it is streamed, off the main thread, not on their first call.
 * Browsers without it read a comment.
 */
export const EAGER_COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * Puts the eager-compile hint at the top of every client chunk of a build (`<distDir>/static/chunks/*.js`), once.
 *
 * Why: Turbopack wraps each module in a function, and V8 compiles a function lazily, on the main thread, when it is
 * first called. At start-up Next's bootstrap calls every module of the page's chunks in one task (React DOM, the
 * router, the page's components): in Lighthouse's traces that task was ~75 ms unthrottled (~300 ms at its 4x CPU),
 * about half of it compiling. With the hint the scripts arrive compiled (BENCHMARKS.md, Lighthouse, session 13).
 * The cost is compiling functions a page never calls, on a background thread while the script downloads.
 *
 * A chunk's source map (the bench build has them) gets one empty line at the top of its mappings, so that it still
 * points at the right lines. Returns how many chunks were changed.
 */
export function addEagerCompileHints(distDir: string): number {
  const chunks = path.join(distDir, "static", "chunks");
  if (!existsSync(chunks)) return 0;
  let changed = 0;
  for (const name of readdirSync(chunks)) {
    if (!name.endsWith(".js")) continue;
    const file = path.join(chunks, name);
    const code = readFileSync(file, "utf8");
    if (code.startsWith(EAGER_COMPILE_HINT)) continue;
    writeFileSync(file, EAGER_COMPILE_HINT + code);
    shiftSourceMapOneLine(file, code);
    changed += 1;
  }
  return changed;
}

function shiftSourceMapOneLine(chunk: string, code: string) {
  const mapName = /\/\/# sourceMappingURL=(\S+\.map)\s*$/.exec(code)?.[1];
  const mapFile = path.join(path.dirname(chunk), mapName ?? `${path.basename(chunk)}.map`);
  if (!existsSync(mapFile)) return;
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as { mappings?: string };
  if (typeof map.mappings !== "string") return;
  writeFileSync(mapFile, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
}
