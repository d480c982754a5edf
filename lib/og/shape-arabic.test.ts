import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareOgFont } from "./prepare-og-font";
import { shapeArabic, visualArabic } from "./shape-arabic";

const codes = (text: string) => [...text].map((character) => character.codePointAt(0)!.toString(16));

describe("shapeArabic", () => {
  it("picks initial, medial and final forms by the letters around each", () => {
    // meem initial, yeh medial, noon medial, teh marbuta final
    expect(codes(shapeArabic("مينة"))).toEqual(["fee3", "fef4", "fee8", "fe94"]);
  });

  it("lets right-joining letters end a join and hamza stand alone", () => {
    // alef with hamza isolated (joins nothing before it), then meem initial: alef never joins forward
    expect(codes(shapeArabic("أم"))).toEqual(["fe83", "fee1"]);
    expect(codes(shapeArabic("دار"))).toEqual(["fea9", "fe8d", "fead"]);
    expect(codes(shapeArabic("ماء"))).toEqual(["fee3", "fe8e", "fe80"]);
  });

  it("joins across harakat, which stay in place", () => {
    expect(codes(shapeArabic("بَت"))).toEqual(["fe91", "64e", "fe96"]);
  });

  it("forms lam-alef ligatures, final after a joining letter", () => {
    expect(codes(shapeArabic("لا"))).toEqual(["fefb"]);
    expect(codes(shapeArabic("سلام"))).toEqual(["feb3", "fefc", "fee1"]);
  });

  it("leaves what it does not know alone", () => {
    expect(shapeArabic("Gloss ١٢ پ")).toBe("Gloss ١٢ پ");
  });
});

describe("visualArabic", () => {
  it("reverses letters for left-to-right drawing and puts each mark before its letter", () => {
    expect(codes(visualArabic("بَت"))).toEqual(["fe96", "64e", "fe91"]);
  });
});

it("every presentation form it produces exists in the card's Arabic font", async () => {
  const woff2 = readFileSync(path.join(process.cwd(), "node_modules/@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2"));
  const { codePoints } = await prepareOgFont(woff2, { substitutions: false });
  const letters = String.fromCodePoint(...Array.from({ length: 0x064a - 0x0621 + 1 }, (_, i) => 0x0621 + i));
  // Every letter between two joiners, alone, first and last, plus the lam-alef ligatures.
  const samples = [...letters].flatMap((letter) => [letter, `ب${letter}ب`, `${letter}ب`, `ب${letter}`]).concat(["لا", "بلا", "لأ", "بلإ", "لآ"]);
  const missing = new Set(samples.flatMap((sample) => [...shapeArabic(sample)]).filter((c) => !codePoints.has(c.codePointAt(0)!)));
  expect([...missing].map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
});
