import { expect, it } from "vitest";
import { loadOgFonts, OG_ARABIC_STACK, OG_SANS_STACK, OG_SERIF_STACK } from "./og-fonts";

const codePoint = (character: string) => character.codePointAt(0)!;

it("covers what the loaded fonts draw together, and nothing else", async () => {
  const { covers } = await loadOgFonts();
  // Latin, Latin Extended (a separate file), typographic quotes, Arabic letters, a presentation form, Arabic-Indic digits.
  for (const character of "Aőţ“…بﺑ٣") expect(covers(codePoint(character)), character).toBe(true);
  for (const character of "😀王Жא") expect(covers(codePoint(character)), character).toBe(false);
});

it("loads every family the card's font stacks name, in each style it uses", async () => {
  const { fonts } = await loadOgFonts();
  for (const family of [OG_SERIF_STACK, OG_SANS_STACK, OG_ARABIC_STACK].flatMap((stack) => stack.split(", "))) {
    expect(fonts.some((font) => font.name === family && font.style === "normal"), family).toBe(true);
  }
  // Article titles are set in italic serif.
  expect(fonts.filter((font) => font.name.startsWith("Source Serif 4") && font.style === "italic")).toHaveLength(2);
});
