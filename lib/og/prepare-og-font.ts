import subsetFont from "subset-font";

/**
 * Turns one of our variable WOFF2 web fonts into what the Open Graph
 * renderer (satori, through next/og) can use, and says which characters it
 * covers. HarfBuzz's subsetter does the work:
 *
 * - it decodes the WOFF2, which satori cannot read;
 * - it instances the font at one weight, every other axis at its default:
 *   satori's bundled opentype.js crashes on a variable font's `fvar` (it
 *   looks up axis names in a name table it never parsed);
 * - for Arabic it leaves out the substitution table (GSUB): that
 *   opentype.js applies only part of Naskh's joining lookups and throws on
 *   its required ligatures (opentype.js#824). Arabic text reaches the card
 *   pre-shaped into presentation forms instead (shape-arabic.ts).
 */

export interface OgFontFile {
  /** A static TrueType font. */
  data: ArrayBuffer;
  /** Every code point the font maps to a glyph. */
  codePoints: Set<number>;
}

export interface PrepareOgFontOptions {
  /** Where to pin the weight axis, if the font has one. */
  weight?: number;
  /** Whether to keep the font's substitution rules (GSUB). */
  substitutions?: boolean;
}

export async function prepareOgFont(woff2: Buffer, { weight = 400, substitutions = true }: PrepareOgFontOptions = {}): Promise<OgFontFile> {
  // An ES module that instantiates its WebAssembly with top-level await: imported on first use, so CommonJS callers (tsx scripts) can load this file.
  const { Blob, Face } = await import("harfbuzzjs");
  const faceOf = (sfnt: Buffer) => new Face(new Blob(sfnt));
  // HarfBuzz reads only sfnt: a first pass decodes the WOFF2 so the font's axes (and their defaults) can be read.
  const variable = await subsetFont(woff2, "", { keepAllGlyphs: true, targetFormat: "sfnt" });
  const axes = Object.entries(faceOf(variable).getAxisInfos()).map(([tag, axis]) => [tag, tag === "wght" ? weight : axis.default]);
  const font = await subsetFont(variable, "", {
    keepAllGlyphs: true,
    targetFormat: "sfnt",
    variationAxes: Object.fromEntries(axes),
    dropTables: substitutions ? [] : ["GSUB"],
  });
  return {
    data: font.buffer.slice(font.byteOffset, font.byteOffset + font.byteLength) as ArrayBuffer,
    codePoints: new Set(faceOf(font).collectUnicodes()),
  };
}
