import { readFileSync } from "node:fs";
import path from "node:path";
import { Blob, Face, Font } from "harfbuzzjs";
import { describe, expect, it } from "vitest";
import { prepareOgFont } from "./prepare-og-font";

const FONTS = path.join(process.cwd(), "node_modules", "@fontsource-variable");
const SERIF = readFileSync(path.join(FONTS, "source-serif-4/files/source-serif-4-latin-opsz-normal.woff2"));
const SANS = readFileSync(path.join(FONTS, "inter/files/inter-latin-ext-opsz-normal.woff2"));
const NASKH = readFileSync(path.join(FONTS, "noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2"));

const faceOf = (data: ArrayBuffer) => new Face(new Blob(data));
/** Horizontal advance of a character, in font units. */
function advanceOf(data: ArrayBuffer, character: string): number {
  const font = new Font(faceOf(data));
  return font.glyphHAdvance(font.glyph(character.codePointAt(0)!)!);
}

describe.each([
  ["Source Serif 4", SERIF, "A"],
  ["Inter Latin Ext", SANS, "ő"],
  ["Noto Naskh Arabic", NASKH, "ب"],
])("prepareOgFont(%s)", (_name, woff2, sample) => {
  it("turns the variable WOFF2 into a static TrueType font satori can read", async () => {
    const { data } = await prepareOgFont(woff2);
    expect(new DataView(data).getUint32(0)).toBe(0x00010000);
    const face = faceOf(data);
    expect(face.getAxisInfos()).toEqual({});
    for (const table of ["fvar", "gvar", "avar", "HVAR", "MVAR"]) expect(face.referenceTable(table), table).toBeUndefined();
    expect(face.referenceTable("glyf")?.length).toBeGreaterThan(0);
    expect(advanceOf(data, sample)).toBeGreaterThan(0);
  });
});

it("reports the code points the font maps, and only those", async () => {
  const { codePoints } = await prepareOgFont(SERIF);
  for (const character of "Az09“”…") expect(codePoints.has(character.codePointAt(0)!), character).toBe(true);
  for (const character of "بő😀王") expect(codePoints.has(character.codePointAt(0)!), character).toBe(false);
  expect((await prepareOgFont(NASKH)).codePoints.has(0xfe91)).toBe(true); // beh, initial form
});

it("pins the weight axis where asked", async () => {
  const regular = await prepareOgFont(SERIF);
  const bold = await prepareOgFont(SERIF, { weight: 700 });
  expect(advanceOf(bold.data, "n")).toBeGreaterThan(advanceOf(regular.data, "n"));
});

it("leaves out the substitution rules only when asked", async () => {
  expect(faceOf((await prepareOgFont(NASKH)).data).referenceTable("GSUB")).toBeDefined();
  expect(faceOf((await prepareOgFont(NASKH, { substitutions: false })).data).referenceTable("GSUB")).toBeUndefined();
});
