import { decodeWoff2 } from "./decode-woff2";

/**
 * Turns one of our WOFF2 web fonts into what the Open Graph renderer
 * (satori, through next/og) can use, and says which characters it covers.
 *
 * - Variation tables are dropped: satori draws a variable font's default
 *   instance anyway, and its bundled opentype.js crashes on `fvar` (it
 *   looks up axis names in a name table it never parsed).
 * - For Arabic, the substitution table (GSUB) goes too: that opentype.js
 *   applies only part of Naskh's joining lookups and throws on its required
 *   ligatures (opentype.js#824). Arabic text reaches the card pre-shaped
 *   into presentation forms instead (shape-arabic.ts).
 */

const VARIATION_TABLES = ["fvar", "gvar", "avar", "cvar", "HVAR", "VVAR", "MVAR", "STAT"] as const;

export interface OgFontFile {
  data: ArrayBuffer;
  /** Every code point the font maps to a glyph. */
  codePoints: Set<number>;
}

function tableOffsets(sfnt: Buffer): Map<string, { offset: number; length: number }> {
  const tables = new Map<string, { offset: number; length: number }>();
  const count = sfnt.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    tables.set(sfnt.toString("latin1", record, record + 4), {
      offset: sfnt.readUInt32BE(record + 8),
      length: sfnt.readUInt32BE(record + 12),
    });
  }
  return tables;
}

/** The code points of the font's Unicode cmap subtables (formats 4 and 12). */
function mappedCodePoints(sfnt: Buffer, cmap: number): Set<number> {
  const codePoints = new Set<number>();
  const subtableCount = sfnt.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtableCount; i++) {
    const subtable = cmap + sfnt.readUInt32BE(cmap + 4 + 8 * i + 4);
    const format = sfnt.readUInt16BE(subtable);
    if (format === 4) {
      const segments = sfnt.readUInt16BE(subtable + 6) / 2;
      const ends = subtable + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const rangeOffsets = deltas + 2 * segments;
      for (let s = 0; s < segments; s++) {
        const end = sfnt.readUInt16BE(ends + 2 * s);
        const start = sfnt.readUInt16BE(starts + 2 * s);
        const delta = sfnt.readUInt16BE(deltas + 2 * s);
        const rangeOffset = sfnt.readUInt16BE(rangeOffsets + 2 * s);
        for (let code = start; code <= end && code !== 0xffff; code++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
          else {
            const at = rangeOffsets + 2 * s + rangeOffset + 2 * (code - start);
            glyph = sfnt.readUInt16BE(at);
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) codePoints.add(code);
        }
      }
    } else if (format === 12) {
      const groups = sfnt.readUInt32BE(subtable + 12);
      for (let g = 0; g < groups; g++) {
        const group = subtable + 16 + 12 * g;
        const start = sfnt.readUInt32BE(group);
        const end = sfnt.readUInt32BE(group + 4);
        const firstGlyph = sfnt.readUInt32BE(group + 8);
        for (let code = start; code <= end; code++) if (firstGlyph + (code - start) !== 0) codePoints.add(code);
      }
    }
  }
  return codePoints;
}

export function prepareOgFont(woff2: Buffer, { substitutions = true }: { substitutions?: boolean } = {}): OgFontFile {
  const sfnt = decodeWoff2(woff2, { omitTables: substitutions ? VARIATION_TABLES : [...VARIATION_TABLES, "GSUB"] });
  const cmap = tableOffsets(sfnt).get("cmap");
  if (!cmap) throw new Error("font has no cmap table");
  const data = sfnt.buffer.slice(sfnt.byteOffset, sfnt.byteOffset + sfnt.byteLength) as ArrayBuffer;
  return { data, codePoints: mappedCodePoints(sfnt, cmap.offset) };
}
