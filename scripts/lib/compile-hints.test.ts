import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { afterEach, describe, expect, it } from "vitest";
import { addEagerCompileHints, EAGER_COMPILE_HINT } from "./compile-hints";

describe("addEagerCompileHints", () => {
  let dist: string;
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function build(files: Record<string, string>) {
    dist = mkdtempSync(path.join(os.tmpdir(), "gloss-compile-hints-"));
    mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dist, "static", "chunks", name), text);
    return (name: string) => readFileSync(path.join(dist, "static", "chunks", name), "utf8");
  }

  it("puts the hint at the top of every client chunk once, and leaves other files alone", () => {
    const read = build({ "a.js": "a();", "b.js": "b();", "c.css": "body{}" });
    expect(addEagerCompileHints(dist)).toBe(2);
    expect(read("a.js")).toBe(`${EAGER_COMPILE_HINT}a();`);
    expect(read("c.css")).toBe("body{}");
    expect(addEagerCompileHints(dist)).toBe(0);
    expect(read("b.js")).toBe(`${EAGER_COMPILE_HINT}b();`);
  });

  it("keeps a chunk's source map pointing at the same code", () => {
    // Two generated lines, each mapped to its own line of src.ts.
    const map: RawSourceMap = { version: "3", sources: ["src.ts"], names: [], mappings: "AAAA;AACA", file: "m.js" } as unknown as RawSourceMap;
    const read = build({ "m.js": "one();\ntwo();\n//# sourceMappingURL=m-map.js.map", "m-map.js.map": JSON.stringify(map) });
    addEagerCompileHints(dist);
    const consumer = new SourceMapConsumer(JSON.parse(read("m-map.js.map")) as RawSourceMap);
    const lines = read("m.js").split("\n");
    expect(lines[2]).toBe("two();");
    expect(consumer.originalPositionFor({ line: 3, column: 0 })).toMatchObject({ source: "src.ts", line: 2 });
    expect(consumer.originalPositionFor({ line: 2, column: 0 })).toMatchObject({ source: "src.ts", line: 1 });
  });

  it("does nothing where there is no build", () => {
    dist = path.join(os.tmpdir(), "gloss-compile-hints-missing");
    expect(addEagerCompileHints(dist)).toBe(0);
  });
});
