/**
 * Arabic contextual shaping into Unicode presentation forms (U+FE70–U+FEFF),
 * for the share card renderer. Satori's bundled opentype.js applies only
 * part of Noto Naskh Arabic's joining features (its init/medi/fina lookups
 * are of a kind it skips), so letters come out unjoined. Presentation
 * forms need no shaping engine: the font maps each form to its glyph.
 * Covers the Arabic letters U+0621–U+064A and the lam-alef ligatures;
 * other letters are left as they are.
 */

type Joining = "dual" | "right" | "none" | "causing";

interface Letter {
  joining: Joining;
  /** The isolated form; final, initial and medial follow it in that order. */
  isolated: number;
}

const LETTERS = new Map<number, Letter>();
// Letters U+0621–U+064A in order, with how they join: their forms are consecutive from U+FE80.
const ORDER: [number, Joining][] = [
  [0x0621, "none"], [0x0622, "right"], [0x0623, "right"], [0x0624, "right"], [0x0625, "right"], [0x0626, "dual"],
  [0x0627, "right"], [0x0628, "dual"], [0x0629, "right"], [0x062a, "dual"], [0x062b, "dual"], [0x062c, "dual"],
  [0x062d, "dual"], [0x062e, "dual"], [0x062f, "right"], [0x0630, "right"], [0x0631, "right"], [0x0632, "right"],
  [0x0633, "dual"], [0x0634, "dual"], [0x0635, "dual"], [0x0636, "dual"], [0x0637, "dual"], [0x0638, "dual"],
  [0x0639, "dual"], [0x063a, "dual"], [0x0641, "dual"], [0x0642, "dual"], [0x0643, "dual"], [0x0644, "dual"],
  [0x0645, "dual"], [0x0646, "dual"], [0x0647, "dual"], [0x0648, "right"], [0x0649, "right"], [0x064a, "dual"],
];
let next = 0xfe80;
for (const [codePoint, joining] of ORDER) {
  LETTERS.set(codePoint, { joining, isolated: next });
  next += joining === "dual" ? 4 : joining === "right" ? 2 : 1;
}
const TATWEEL = 0x0640;
const LAM = 0x0644;
/** Lam followed by these alefs is one ligature: isolated form here, final form one after. */
const LAM_ALEF = new Map([
  [0x0622, 0xfef5],
  [0x0623, 0xfef7],
  [0x0625, 0xfef9],
  [0x0627, 0xfefb],
]);

/** Harakat and other marks: they sit on a letter and do not interrupt joining. */
function isTransparent(codePoint: number): boolean {
  return (codePoint >= 0x064b && codePoint <= 0x065f) || codePoint === 0x0670 || (codePoint >= 0x06d6 && codePoint <= 0x06ed);
}

function joiningOf(codePoint: number | undefined): Joining {
  if (codePoint === undefined) return "none";
  if (codePoint === TATWEEL) return "causing";
  return LETTERS.get(codePoint)?.joining ?? "none";
}

const joinsForward = (joining: Joining) => joining === "dual" || joining === "causing";
const joinsBackward = (joining: Joining) => joining !== "none";

export function shapeArabic(text: string): string {
  const codePoints = [...text].map((character) => character.codePointAt(0)!);
  const neighbour = (from: number, step: 1 | -1): number | undefined => {
    for (let i = from + step; i >= 0 && i < codePoints.length; i += step) {
      if (!isTransparent(codePoints[i]!)) return codePoints[i];
    }
    return undefined;
  };

  let out = "";
  for (let i = 0; i < codePoints.length; i++) {
    const codePoint = codePoints[i]!;
    const letter = LETTERS.get(codePoint);
    if (!letter) {
      out += String.fromCodePoint(codePoint);
      continue;
    }
    const joinsPrevious = joinsForward(joiningOf(neighbour(i, -1))) && joinsBackward(letter.joining);
    const ligature = codePoint === LAM ? LAM_ALEF.get(codePoints[i + 1] ?? -1) : undefined;
    if (ligature !== undefined) {
      out += String.fromCodePoint(joinsPrevious ? ligature + 1 : ligature);
      i++;
      continue;
    }
    const joinsNext = joinsForward(letter.joining) && joinsBackward(joiningOf(neighbour(i, 1)));
    let form = 0;
    if (joinsPrevious && joinsNext) form = 3;
    else if (joinsNext) form = 2;
    else if (joinsPrevious) form = 1;
    out += String.fromCodePoint(letter.isolated + form);
  }
  return out;
}

const graphemes = new Intl.Segmenter("ar", { granularity: "grapheme" });

/**
 * An Arabic run, shaped and in visual (left-to-right drawing) order. In a
 * right-to-left font a mark's outline lies right of its origin, over the
 * letter drawn after the pen reaches it: so each mark goes before its letter.
 */
export function visualArabic(text: string): string {
  return [...graphemes.segment(shapeArabic(text))]
    .map(({ segment }) => {
      const [base = "", ...marks] = [...segment];
      return marks.join("") + base;
    })
    .reverse()
    .join("");
}
