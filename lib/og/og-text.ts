import { visualArabic } from "./shape-arabic";

/**
 * Text preparation for the share card renderer (satori), which lays every
 * line out left to right and fetches a font from the network for any
 * character its fonts lack.
 */

const RTL_CHARACTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_CHARACTER = /[\p{L}\u0590-\u08FF]/u;

/** Whether any character of `text` belongs to a right-to-left script. */
export function hasRightToLeft(text: string): boolean {
  return RTL_CHARACTER.test(text);
}

/** The direction of the first strongly directional character (the Unicode bidi "first strong" rule). */
export function textDirection(text: string): "ltr" | "rtl" {
  for (const character of text) {
    if (STRONG_CHARACTER.test(character)) return RTL_CHARACTER.test(character) ? "rtl" : "ltr";
  }
  return "ltr";
}

/** `text` without the characters no loaded font covers (so nothing is fetched), whitespace collapsed. */
export function drawableText(text: string, covers: (codePoint: number) => boolean): string {
  let result = "";
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (/\s/u.test(character)) result += " ";
    else if (covers(codePoint)) result += character;
  }
  return result.replace(/\s+/g, " ").trim();
}

/** Arabic letters and their marks: the runs shaped and reversed into drawing order (shape-arabic.ts). */
const ARABIC_LETTERS = /([\u0621-\u065F\u0670-\u06D3\u06D5-\u06ED\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)/u;

/**
 * A right-to-left line as satori must be given it, since it draws every
 * run left to right: words in the order a `row-reverse` flex row places
 * them (from the right), each word split into pieces for its own
 * `row-reverse` row: runs of Arabic letters, shaped and in drawing order,
 * and the punctuation and digits between them ("بذاته." or "”عرف"). A run
 * of left-to-right words (a Latin name) is reversed so that it still reads
 * left to right.
 */
export function rtlLayout(text: string): string[][] {
  const words = text.split(" ").filter(Boolean);
  const placed: string[][] = [];
  let ltrRun: string[][] = [];
  const flush = () => {
    placed.push(...ltrRun.reverse());
    ltrRun = [];
  };
  for (const word of words) {
    if (RTL_CHARACTER.test(word)) {
      flush();
      placed.push(word.split(ARABIC_LETTERS).filter(Boolean).map((piece) => (ARABIC_LETTERS.test(piece) ? visualArabic(piece) : piece)));
    } else if (STRONG_CHARACTER.test(word) || ltrRun.length > 0) {
      // A word without letters (a dash, a number) joins a left-to-right run in progress.
      ltrRun.push([word]);
    } else {
      placed.push([word]);
    }
  }
  flush();
  return placed;
}
