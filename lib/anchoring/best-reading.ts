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
import { AMBIGUOUS_MAX_DISTANCE, atHint, CandidateSet, MIN_QUOTE_SIMILARITY, overlapRatio, type Candidate } from "./candidates";
import { findCopies, someCopy } from "./copies";
import { contextElsewhere, frameWithout, seamWithin, seamText, seamErrors } from "./frame";
import type { NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { textIndex } from "./text-index";

/** The runner-up must cost this many edits more. */
const MARGIN = 2;
/** A quote alone may have lost this share of its characters, as the peer allows. */
const QUOTE_ONLY_ERROR_RATE = 0.5;
/** Windows up to this long are scanned; longer ones are searched through the text index. */
const SCAN_LIMIT = 8_192;
/** Near a hint, this far either side is scanned whatever the window. */
const NEAR_HINT = 2_048;

function readings(norm: NormalizedText, pq: PreparedQuote, maxErrors: number, lo: number, hi: number, hint: number | undefined): RawMatch[] {
  const text = norm.text;
  const length = pq.nExact.length;
  if (hi - lo <= SCAN_LIMIT) return searchApprox(text, pq.nExact, lo, hi, maxErrors);
  const found = findCopies(textIndex(norm), pq.nExact, maxErrors, lo, hi);
  if (hint !== undefined) found.push(...searchApprox(text, pq.nExact, Math.max(lo, hint - NEAR_HINT), Math.min(hi, hint + length + NEAR_HINT), maxErrors));
  return found;
}

/** Whether the passage's context now meets across a gap too small for it anywhere in [lo, hi): it was deleted. */
function seamAnywhere(norm: NormalizedText, pq: PreparedQuote, lo: number, hi: number): boolean {
  const seam = seamText(pq);
  if (seam === null) return false;
  return someCopy(textIndex(norm), seam, seamErrors(pq, seam), lo, hi, -Infinity, () => true);
}

function deleted(norm: NormalizedText, pq: PreparedQuote, best: Candidate, hint: number | undefined, lo: number, hi: number): boolean {
  const text = norm.text;
  const length = pq.nExact.length;
  if (hint !== undefined) {
    const reach = 2 * Math.max(best.distance, 64) + length;
    if (seamWithin(text, pq, hint, reach)) return true;
    if (best.contextErrors > 0 && frameWithout(text, pq, hint, reach, best)) return true;
  } else if (seamAnywhere(norm, pq, lo, hi)) {
    return true;
  }
  return contextElsewhere(textIndex(norm), pq, best, lo, hi);
}

export function bestReading(norm: NormalizedText, pq: PreparedQuote, hint: number | undefined, lo: number, hi: number): Candidate | null {
  const length = pq.nExact.length;
  const quoteOnly = pq.nPrefix.length + pq.nSuffix.length === 0;
  const maxErrors = quoteOnly ? Math.floor(length * QUOTE_ONLY_ERROR_RATE) : maxErrorsFor(length);
  const set = new CandidateSet(norm.text, pq, hint);
  set.add(readings(norm, pq, maxErrors, lo, hi, hint));
  const floor = quoteOnly ? 1 - QUOTE_ONLY_ERROR_RATE : MIN_QUOTE_SIMILARITY;
  const found = set.items.filter((c) => c.quote >= floor);
  let best: Candidate | undefined;
  for (const c of found) if (!best || c.cost < best.cost) best = c;
  if (!best) return null;
  if (!quoteOnly && !best.plausible && best.errors > 0) return null;
  if (hint !== undefined && best.distance > AMBIGUOUS_MAX_DISTANCE) return null;
  for (const other of found) {
    if (other === best || overlapRatio(other, best) > 0.5) continue;
    if (other.cost - best.cost < MARGIN && !atHint(best, other)) return null;
  }
  return deleted(norm, pq, best, hint, lo, hi) ? null : best;
}
