/**
 * The surest evidence there is: the annotated words, word for word, in one
 * place of the whole text and no other.
 *
 * A passage moved elsewhere with its surroundings, or whose surroundings
 * were rewritten, or imported from an annotator that kept no position, is
 * still found this way however far any hint is from it. What is taken:
 *
 * - the quote with its stored context on both sides, verbatim, once in the
 *   text; or
 * - the quote alone, verbatim, once in the text, when it is long enough to
 *   be unlikely to recur by chance (VERBATIM_QUOTE characters).
 *
 * Either is refused when the passage shows signs of having been deleted:
 * its prefix and suffix now meet (a seam) somewhere, or, with a hint, its
 * context still frames other words near where it was. Two copies, or none,
 * leave the question to the rest of the engine.
 */

import { evaluate, type Candidate } from "./candidates";
import { contextElsewhere, frameWithout, seamAnywhere } from "./frame";
import type { NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { PIECE, occurrencesOf, rarestPiece, textIndex, type TextIndex } from "./text-index";

/** A quote this long, found once word for word, is the passage even without its context. */
export const VERBATIM_QUOTE = 32;
/** Context shorter than this on a side (and not cut by the text's edge) says too little to vouch for a short quote. */
const MIN_SIDE = 8;

/** Where `pattern` (at least PIECE characters) occurs word for word in the text, starting within [from, to): at most `limit` places. */
export function exactCopies(index: TextIndex, pattern: string, limit: number, from = 0, to = Infinity): number[] {
  const rarest = rarestPiece(index, pattern, 0, pattern.length);
  const out: number[] = [];
  for (const pos of occurrencesOf(index, pattern, rarest, PIECE, Infinity, Math.max(0, from) + rarest, to + rarest + PIECE - 1)) {
    const start = pos - rarest;
    if (index.text.startsWith(pattern, start)) out.push(start);
    if (out.length >= limit) break;
  }
  return out;
}

/** The one place in the text where the passage stands word for word, or null (see `deletedElsewhere` for the checks it must then pass). */
export function verbatimPlace(norm: NormalizedText, pq: PreparedQuote, hint: number | undefined): Candidate | null {
  const { nPrefix, nExact, nSuffix } = pq;
  if (nExact.length < PIECE) return null;
  const text = norm.text;
  // Two exact copies of the quote (even with the same context) leave nothing
  // here to tell them apart; with one, the passage with its context can only
  // stand around it.
  const copies = exactCopies(textIndex(norm), nExact, 2);
  if (copies.length !== 1) return null;
  const start = copies[0] as number;
  const end = start + nExact.length;
  const inContext = nPrefix.length >= MIN_SIDE && nSuffix.length >= MIN_SIDE && text.endsWith(nPrefix, start) && text.startsWith(nSuffix, end);
  if (!inContext && nExact.length < VERBATIM_QUOTE) return null;
  return evaluate(text, pq, { start, end, errors: 0 }, hint);
}

/** Whether the passage shows signs of having been deleted, `candidate` (a verbatim place) being a copy of it. */
export function deletedElsewhere(norm: NormalizedText, pq: PreparedQuote, candidate: Candidate, hint: number | undefined): boolean {
  const index = textIndex(norm);
  const text = norm.text;
  return (
    seamAnywhere(index, pq, 0, text.length) ||
    (hint !== undefined && frameWithout(text, pq, hint, candidate.distance, candidate)) ||
    contextElsewhere(index, pq, candidate, 0, text.length)
  );
}
