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
import { PIECE, bucketSize, occurrencesOf, textIndex, type TextIndex } from "./text-index";

/** A quote this long, found once word for word, is the passage even without its context. */
export const VERBATIM_QUOTE = 32;
/** Context shorter than this on a side (and not cut by the text's edge) says too little to vouch for a short quote. */
const MIN_SIDE = 8;

/** Where `pattern` (at least PIECE characters) occurs word for word in the text, at most `limit` places. */
export function exactCopies(index: TextIndex, pattern: string, limit: number): number[] {
  let rarest = 0;
  let rarestSize = Infinity;
  for (let at = 0; at + PIECE <= pattern.length && rarestSize > 1; at += 1) {
    const size = bucketSize(index, pattern, at);
    if (size < rarestSize) {
      rarest = at;
      rarestSize = size;
    }
  }
  const out: number[] = [];
  for (const pos of occurrencesOf(index, pattern, rarest, PIECE, Infinity, rarest)) {
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
  const index = textIndex(norm);
  const text = norm.text;
  let start: number | null = null;
  const withContext = nPrefix + nExact + nSuffix;
  if (nPrefix.length >= MIN_SIDE && nSuffix.length >= MIN_SIDE) {
    const found = exactCopies(index, withContext, 2);
    if (found.length === 1) start = (found[0] as number) + nPrefix.length;
    // Two copies with the same context: nothing here tells them apart.
    else if (found.length > 1) return null;
  }
  if (start === null && nExact.length >= VERBATIM_QUOTE) {
    const found = exactCopies(index, nExact, 2);
    if (found.length === 1) start = found[0] as number;
  }
  if (start === null) return null;
  // A second exact copy of the quote is a copy the caller refuses anyway; it
  // costs little to see here, unlike the checks below.
  if (nExact.length >= PIECE && exactCopies(index, nExact, 2).length > 1) return null;
  return evaluate(text, pq, { start, end: start + nExact.length, errors: 0 }, hint);
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
