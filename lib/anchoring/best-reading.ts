/**
 * The last resort when no candidate passed the absolute gates of
 * candidates.ts: the place that reads most like the annotation, judged
 * against every other place, as the peer (Hypothesis) does.
 *
 * The gates refuse a quote whose context was rewritten, or a much-edited
 * quote with nothing else to go by, though such a passage may still be
 * there, once. Here a reading is taken when it is clearly the best one —
 * its quote and context cost at least MARGIN edits fewer than any other
 * reading's, or, with no context, the hint points right at it — and nothing
 * says the passage was deleted: no seam where its context now meets, no
 * frame of its context nearer the hint, no side of its context standing
 * elsewhere around what is left of it. A quote whose context vouches for
 * nothing must be exact (a few letters that merely resemble it are some
 * other words).
 */

import { maxErrorsFor, searchApprox, type RawMatch } from "./approx-search";
import { AMBIGUOUS_MAX_DISTANCE, atHint, CandidateSet, MARGIN, MIN_QUOTE_SIMILARITY, overlapRatio, type Candidate } from "./candidates";
import { findCopies } from "./copies";
import { contextElsewhere, frameWithout, seamAnywhere, seamWithin } from "./frame";
import type { NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { textIndex } from "./text-index";

/** A quote alone may have lost this share of its characters, as the peer allows. */
const QUOTE_ONLY_ERROR_RATE = 0.5;
/** Windows up to this long are scanned; longer ones are searched through the text index. */
const SCAN_LIMIT = 8_192;
/** Without a hint, a quote shorter than this whose context does not vouch for it says too little. */
const SHORT_QUOTE = 20;
const MIN_CONTEXT_LEFT = 8;
/** Without a hint, context on both sides must agree this well overall. */
const STRONG_CONTEXT = 0.9;
/** Near a hint, this far either side is scanned whatever the window. */
const NEAR_HINT = 2_048;

function readings(norm: NormalizedText, pq: PreparedQuote, maxErrors: number, lo: number, hi: number, hint: number | undefined, complete: boolean): RawMatch[] {
  const text = norm.text;
  const length = pq.nExact.length;
  if (complete || hi - lo <= SCAN_LIMIT) return searchApprox(text, pq.nExact, lo, hi, maxErrors);
  const found = findCopies(textIndex(norm), pq.nExact, maxErrors, lo, hi);
  if (hint !== undefined) found.push(...searchApprox(text, pq.nExact, Math.max(lo, hint - NEAR_HINT), Math.min(hi, hint + length + NEAR_HINT), maxErrors));
  return found;
}

function deleted(norm: NormalizedText, pq: PreparedQuote, best: Candidate, hint: number | undefined, lo: number, hi: number): boolean {
  const text = norm.text;
  const length = pq.nExact.length;
  if (hint !== undefined) {
    const reach = 2 * Math.max(best.distance, 64) + length;
    if (seamWithin(text, pq, hint, reach)) return true;
    if (best.contextErrors > 0 && frameWithout(text, pq, hint, reach, best)) return true;
  } else if (seamAnywhere(textIndex(norm), pq, lo, hi)) {
    return true;
  }
  return contextElsewhere(textIndex(norm), pq, best, lo, hi);
}

/** Candidates found in [lo, hi), one per place; `complete` when every reading within the budget must be seen. */
function candidates(norm: NormalizedText, pq: PreparedQuote, hint: number | undefined, lo: number, hi: number, complete: boolean): Candidate[] {
  const length = pq.nExact.length;
  const maxErrors = quoteOnly(pq) ? Math.floor(length * QUOTE_ONLY_ERROR_RATE) : maxErrorsFor(length);
  const set = new CandidateSet(norm.text, pq, hint);
  set.add(readings(norm, pq, maxErrors, lo, hi, hint, complete));
  const floor = quoteOnly(pq) ? 1 - QUOTE_ONLY_ERROR_RATE : MIN_QUOTE_SIMILARITY;
  return set.items.filter((c) => c.quote >= floor);
}

/** Every place in the whole text where most of the quote reads (a quarter of it edited at most), one candidate each, judged without a hint. */
export function candidatesAnywhere(norm: NormalizedText, pq: PreparedQuote): Candidate[] {
  return candidates(norm, pq, undefined, 0, norm.text.length, false);
}

function quoteOnly(pq: PreparedQuote): boolean {
  return pq.nPrefix.length + pq.nSuffix.length === 0;
}

/** The reading that costs least; of equal ones, the first in the text. */
function cheapest(found: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of found) if (!best || c.cost < best.cost || (c.cost === best.cost && c.start < best.start)) best = c;
  return best;
}

export function bestReading(norm: NormalizedText, pq: PreparedQuote, hint: number | undefined, lo: number, hi: number): Candidate | null {
  let found = candidates(norm, pq, hint, lo, hi, quoteOnly(pq));
  let best = cheapest(found);
  if (!best) return null;
  // Context that does not vouch for the place leaves it to the quote alone:
  // exact, and (seen by a search that misses nothing) the only reading.
  if (!quoteOnly(pq) && !best.plausible) {
    // (Context the text's edges cut to a few characters says nothing either way.)
    const contextLeft = Math.min(pq.nPrefix.length, best.start) + Math.min(pq.nSuffix.length, norm.text.length - best.end);
    if (best.errors > 0 || (hint === undefined && pq.nExact.length < SHORT_QUOTE && contextLeft >= MIN_CONTEXT_LEFT)) return null;
    found = candidates(norm, pq, hint, lo, hi, true);
    const only = cheapest(found);
    if (!only || only.errors > 0 || found.some((c) => c !== only && overlapRatio(c, only) <= 0.5)) return null;
    best = only;
  }
  if (hint !== undefined && best.distance > AMBIGUOUS_MAX_DISTANCE) return null;
  // With nothing but the words, context on both sides must both agree: one
  // side that reads otherwise is how a sibling sentence reads.
  if (hint === undefined && pq.nPrefix.length > 0 && pq.nSuffix.length > 0 && best.plausible && best.errors + best.contextErrors > 0 && (best.context ?? 0) < STRONG_CONTEXT) return null;
  // A bare quote with no hint has nothing but the text's order to go by: of
  // equally good readings the first is taken, as the peer does.
  const byOrder = quoteOnly(pq) && hint === undefined;
  for (const other of found) {
    if (byOrder || other === best || overlapRatio(other, best) > 0.5) continue;
    if (other.cost - best.cost < MARGIN && !atHint(best, other)) return null;
  }
  return deleted(norm, pq, best, hint, lo, hi) ? null : best;
}
