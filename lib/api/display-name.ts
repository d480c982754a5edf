/**
 * Checks for display names: shown beside notes, in headers and on share
 * cards, so a name must read as what it is. Direction controls (RLO, PDF,
 * isolates, marks) can reorder the text around a name — "Note by eve" made
 * to read as something else — and invisible characters make two names that
 * look alike differ. Both are refused rather than silently stripped, so the
 * reader knows what was kept.
 */

// U+061C ARABIC LETTER MARK, U+200E/U+200F LRM/RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

// Zero-width joiner (U+200C ZWNJ is allowed between letters: Persian and other scripts spell words with it).
const ZWNJ_BETWEEN_LETTERS = /(?<=\p{L}\p{M}*)\u200C(?=\p{L})/gu;

/** Format characters (Cf: zero-width space/joiner, word joiner, BOM, soft hyphen, …) are invisible. */
const INVISIBLE = /\p{Cf}/u;

export type DisplayNameProblem = "direction-control" | "invisible" | "unpaired-surrogate";

/** What is wrong with `name` as a display name, or null when nothing is. */
export function displayNameProblem(name: string): DisplayNameProblem | null {
  if (!name.isWellFormed()) return "unpaired-surrogate";
  if (DIRECTION_CONTROLS.test(name)) return "direction-control";
  if (INVISIBLE.test(name.replace(ZWNJ_BETWEEN_LETTERS, ""))) return "invisible";
  return null;
}

export const DISPLAY_NAME_MESSAGES: Record<DisplayNameProblem, string> = {
  "direction-control": "Remove the text-direction control characters.",
  invisible: "Remove the invisible characters (zero-width spaces or joiners).",
  "unpaired-surrogate": "Contains characters that cannot be stored.",
};
