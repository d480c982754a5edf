/**
 * Whether a passage might be somewhere other than a winning place: another
 * place reads as well or about as well (quote and context together), or
 * most of its quote reads the same there, in context that could be its own.
 * With a hint that may be stale, or none, that leaves nothing to choose by.
 */

import { maxErrorsFor, type RawMatch } from "./approx-search";
import { refineBoundaries } from "./boundaries";
import { MIN_QUOTE_SIMILARITY, overlapRatio, repeatMargin, type Candidate } from "./candidates";
import { someCopy } from "./copies";
import type { NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { contextScore } from "./similarity";
import { PIECE, textIndex } from "./text-index";
import { exactCopies } from "./verbatim";

/**
 * Whether the passage might be somewhere else than `best` within [from, to):
 * another place reads as well or about as well, quote and context together.
 * With a hint that may be stale, being nearer to it is no evidence.
 */
export function elsewhere(norm: NormalizedText, pq: PreparedQuote, best: Candidate, from: number, to: number, slack = repeatMargin(best)): boolean {
  const length = pq.nExact.length;
  // A copy's quote alone must already be within what the winner has in all.
  const reads = best.contentCost + slack;
  const cost = (m: RawMatch): number => m.errors + contextScore(norm.text, m.start, m.end, pq.nPrefix, pq.nSuffix).errors;
  // Exact copies first: the index finds them at once, and in repeated text
  // they are the usual rivals (the search below would find them too).
  if (length >= PIECE) {
    for (const start of exactCopies(textIndex(norm), pq.nExact, Infinity, from, to)) {
      const copy = { start, end: start + length, errors: 0 };
      if (overlapRatio(copy, best) <= 0.5 && cost(copy) <= reads) return true;
    }
  }
  return someCopy(textIndex(norm), pq.nExact, Math.min(maxErrorsFor(length), Math.floor(reads)), from, to, best.start, (found) => {
    if (overlapRatio(found, best) > 0.5 || 1 - found.errors / length < MIN_QUOTE_SIMILARITY) return false;
    // Boundaries fitted to the context only ever lower the cost: needed only when the found ones read worse.
    return cost(found) <= reads || cost(refineBoundaries(norm.text, pq, found, maxErrorsFor(length))) <= reads;
  });
}

/** Context this similar to the passage's, around most of its quote, is its own, edited. */
const OWN_CONTEXT = 0.8;

/**
 * Whether most of the quote (a similarity of MIN_QUOTE_SIMILARITY) reads the
 * same somewhere other than `best`, at a place `counts` (all by default).
 */
export function quoteElsewhere(norm: NormalizedText, pq: PreparedQuote, best: RawMatch, counts: (other: RawMatch) => boolean = () => true, from = 0, to = norm.text.length): boolean {
  return someCopy(textIndex(norm), pq.nExact, maxErrorsFor(pq.nExact.length), from, to, best.start, (other) => overlapRatio(other, best) <= 0.5 && counts(other));
}

/** Whether the text around a reading of the quote is the passage's own context, edited (OWN_CONTEXT). */
function inOwnContext(norm: NormalizedText, pq: PreparedQuote, reading: RawMatch): boolean {
  const { start, end } = refineBoundaries(norm.text, pq, reading, maxErrorsFor(pq.nExact.length));
  return (contextScore(norm.text, start, end, pq.nPrefix, pq.nSuffix).similarity ?? 1) >= OWN_CONTEXT;
}

/**
 * Whether most of the quote reads the same somewhere other than `best`
 * (starting within [from, to)), in context that could be the passage's own: a copy of the passage (repeated
 * boilerplate), or the passage itself, edited, with `best` the copy.
 */
export function copyInOwnContext(norm: NormalizedText, pq: PreparedQuote, best: RawMatch, from = 0, to = norm.text.length): boolean {
  return quoteElsewhere(norm, pq, best, (other) => inOwnContext(norm, pq, other), from, to);
}
