import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeWoff2 } from "./decode-woff2";

/**
 * Decoding the real font files the share card uses. (When this decoder was
 * written, its output for each of them was also compared glyph by glyph
 * with fontTools' WOFF2 decoder: identical outlines, bounds and hinting.)
 */
const FONTS = path.join(process.cwd(), "node_modules", "@fontsource-variable");
const FILES = [
  "source-serif-4/files/source-serif-4-latin-opsz-normal.woff2",
  "source-serif-4/files/source-serif-4-latin-opsz-italic.woff2",
  "inter/files/inter-latin-ext-opsz-normal.woff2",
  "noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2",
];

function tables(font: Buffer) {
  const result = new Map<string, Buffer>();
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    const offset = font.readUInt32BE(record + 8);
    result.set(font.toString("latin1", record, record + 4), font.subarray(offset, offset + font.readUInt32BE(record + 12)));
  }
  return result;
}

function checksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Glyph id of a character, through the format 4 cmap subtable. */
function glyphOf(cmap: Buffer, character: string): number {
  const code = character.charCodeAt(0);
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const subtable = cmap.readUInt32BE(4 + 8 * i + 4);
    if (cmap.readUInt16BE(subtable) !== 4) continue;
    const segments = cmap.readUInt16BE(subtable + 6) / 2;
    const ends = subtable + 14;
    for (let s = 0; s < segments; s++) {
      const start = cmap.readUInt16BE(ends + 2 * segments + 2 + 2 * s);
      if (code < start || code > cmap.readUInt16BE(ends + 2 * s)) continue;
      const delta = cmap.readUInt16BE(ends + 4 * segments + 2 + 2 * s);
      const rangeOffsetAt = ends + 6 * segments + 2 + 2 * s;
      const rangeOffset = cmap.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      return (cmap.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (code - start)) + delta) & 0xffff;
    }
  }
  return 0;
}

describe.each(FILES)("decodeWoff2(%s)", (file) => {
  const font = decodeWoff2(readFileSync(path.join(FONTS, file)));
  const byTag = tables(font);

  it("is a TrueType font whose table checksums match its directory", () => {
    expect(font.readUInt32BE(0)).toBe(0x00010000);
    for (let i = 0; i < font.readUInt16BE(4); i++) {
      const record = 12 + 16 * i;
      const tag = font.toString("latin1", record, record + 4);
      if (tag === "head") continue; // its checkSumAdjustment field is excluded by definition
      expect(checksum(byTag.get(tag)!), tag).toBe(font.readUInt32BE(record + 4));
    }
  });

  it("rebuilds loca and glyf: offsets ascend to the end of glyf, every glyph within the font's bounds", () => {
    const head = byTag.get("head")!;
    const longOffsets = head.readInt16BE(50) === 1;
    const numGlyphs = byTag.get("maxp")!.readUInt16BE(4);
    const loca = byTag.get("loca")!;
    const glyf = byTag.get("glyf")!;
    const offsets = Array.from({ length: numGlyphs + 1 }, (_, i) => (longOffsets ? loca.readUInt32BE(4 * i) : 2 * loca.readUInt16BE(2 * i)));
    expect(offsets.at(-1)).toBe(glyf.length);
    const [xMin, yMin, xMax, yMax] = [36, 38, 40, 42].map((at) => head.readInt16BE(at));
    for (let glyph = 0; glyph < numGlyphs; glyph++) {
      expect(offsets[glyph + 1]!).toBeGreaterThanOrEqual(offsets[glyph]!);
      if (offsets[glyph + 1] === offsets[glyph]) continue;
      const at = offsets[glyph]!;
      expect(glyf.readInt16BE(at)).toBeGreaterThanOrEqual(-1);
      expect(glyf.readInt16BE(at + 2)).toBeGreaterThanOrEqual(xMin!);
      expect(glyf.readInt16BE(at + 4)).toBeGreaterThanOrEqual(yMin!);
      expect(glyf.readInt16BE(at + 6)).toBeLessThanOrEqual(xMax!);
      expect(glyf.readInt16BE(at + 8)).toBeLessThanOrEqual(yMax!);
    }
  });
});

// Contour counts as fontTools reads them from the same file (variable fonts draw some strokes as overlapping contours).
it("keeps the outlines: contour counts of known letters in Source Serif", () => {
  const byTag = tables(decodeWoff2(readFileSync(path.join(FONTS, FILES[0]!))));
  const head = byTag.get("head")!;
  const loca = byTag.get("loca")!;
  const glyf = byTag.get("glyf")!;
  const offsetOf = (glyph: number) => (head.readInt16BE(50) === 1 ? loca.readUInt32BE(4 * glyph) : 2 * loca.readUInt16BE(2 * glyph));
  const contours = (character: string) => glyf.readInt16BE(offsetOf(glyphOf(byTag.get("cmap")!, character)));
  expect(contours("O")).toBe(2);
  expect(contours("B")).toBe(4);
  expect(contours("l")).toBe(2);
  expect(contours("A")).toBe(4);
});

it("refuses what is not WOFF2, and drops the tables it is asked to", () => {
  expect(() => decodeWoff2(Buffer.from("wOFF not really a font, just bytes"))).toThrow(/not a WOFF2 file/);
  const file = readFileSync(path.join(FONTS, FILES[0]!));
  const withoutVariations = tables(decodeWoff2(file, { omitTables: ["fvar", "gvar"] }));
  expect(withoutVariations.has("fvar")).toBe(false);
  expect(withoutVariations.has("gvar")).toBe(false);
  expect(withoutVariations.has("glyf")).toBe(true);
});
