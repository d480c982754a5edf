import { describe, expect, it } from "vitest";
import { drawableText, rtlLayout, textDirection } from "./og-text";
import { visualArabic } from "./shape-arabic";

describe("textDirection", () => {
  it("follows the first strong character", () => {
    expect(textDirection("“الحواشي في المخطوطات”")).toBe("rtl");
    expect(textDirection("12 — The margin")).toBe("ltr");
    expect(textDirection("«123» تعليق")).toBe("rtl");
    expect(textDirection("…")).toBe("ltr");
  });
});

describe("drawableText", () => {
  const latinOnly = (codePoint: number) => codePoint < 0x250;
  it("drops what no font can draw and tidies the spaces left behind", () => {
    expect(drawableText("Ada 😀 Lovelace\n\n王 notes", latinOnly)).toBe("Ada Lovelace notes");
    expect(drawableText("😀", latinOnly)).toBe("");
  });
});

describe("rtlLayout", () => {
  it("keeps Arabic words in reading order for a right-to-left row, each shaped for drawing", () => {
    expect(rtlLayout("الحواشي في المخطوطات")).toEqual([[visualArabic("الحواشي")], [visualArabic("في")], [visualArabic("المخطوطات")]]);
  });

  it("splits punctuation and digits from the letters they touch", () => {
    expect(rtlLayout("”عرف بذاته. طويلة، ١٢٣")).toEqual([
      ["”", visualArabic("عرف")],
      [visualArabic("بذاته"), "."],
      [visualArabic("طويلة"), "،"],
      ["١٢٣"],
    ]);
  });

  it("keeps an embedded left-to-right run reading left to right", () => {
    // Placed from the right: الكتاب, then "Book of Margins 2" reading left to right, then هنا.
    expect(rtlLayout("الكتاب Book of Margins 2 هنا")).toEqual([[visualArabic("الكتاب")], ["2"], ["Margins"], ["of"], ["Book"], [visualArabic("هنا")]]);
  });
});
