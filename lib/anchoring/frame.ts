/**
 * The deleted-passage checks.
 *
 * When the annotated passage is removed or rewritten, its own surroundings
 * usually stay: the prefix, then (after at most about the quote's length of
 * other text, or none at all) the suffix. If such a frame is found nearer to
 * the hint than the candidate and does not hold it, or one side of it stands
 * elsewhere around a mangled version of the quote, the candidate is another
 * copy of the same words (boilerplate, a repeated quotation) and the
 * annotation must become an orphan, not move there.
 */

import { searchApprox, type RawMatch } from "./approx-search";
import { CONTEXT_EDIT_WEIGHT, DISTANCE_PER_EDIT, type Candidate } from "./candidates";
import { findCopies, someCopy } from "./copies";
import { bestPrefixDistance, compile } from "./myers";
import { foldString } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { prefixErrors, suffixErrors } from "./similarity";
import type { TextIndex } from "./text-index";

const MIN_SIDE = 8;

/** Context edits tolerated while recognising the frame, or what is left of a passage's surroundings. */
export function sideErrors(length: number): number {
  return Math.floor(length * 0.25);
}

/**
 * Whether a frame of the quote lies within `reach` of `hint` (normalized
 * offsets) and, when a candidate is given, is not around it, is nearer to
 * the hint and explains the surroundings better: its context edits and
 * distance from the hint cost no more than the candidate's. (The quote's own
 * edits are left out: the frame has none to compare.) In repetitive text a
 * similar sentence nearby frames other words; it must not veto the real
 * passage just beyond it. Without `holdingQuoteCounts`, a frame with the
 * quote word for word inside it is not counted: it is the passage itself.
 */
export function frameWithout(
  text: string,
  pq: PreparedQuote,
  hint: number,
  reach: number,
  candidate: Candidate | null,
  holdingQuoteCounts = true,
): boolean {
  const prefix = pq.nPrefix;
  const suffix = pq.nSuffix;
  if (prefix.length < MIN_SIDE || suffix.length < MIN_SIDE) return false;
  const length = pq.nExact.length;
  const maxGap = length + 16;
  const slack = 8 + (length >> 2);
  const from = hint - reach - prefix.length;
  const to = hint + reach + slack;
  let prefixes: RawMatch[];
  if (candidate === null) {
    prefixes = searchApprox(text, prefix, from, to, sideErrors(prefix.length));
  } else {
    // The candidate's own prefix would frame the candidate; leaving it out
    // keeps it from hiding other frames, so no second round is needed.
    const cutFrom = candidate.start - prefix.length - slack;
    const cutTo = candidate.start + slack;
    prefixes = [
      ...searchApprox(text, prefix, from, Math.min(to, cutFrom + prefix.length), sideErrors(prefix.length)),
      ...searchApprox(text, prefix, Math.max(from, cutTo - prefix.length), to, sideErrors(prefix.length)),
    ];
  }
  for (const p of prefixes) {
    const frameDistance = Math.abs(p.end - hint);
    if (frameDistance >= reach || (candidate !== null && frameDistance >= candidate.distance)) continue;
    if (candidate !== null && candidate.start >= p.end - slack && candidate.start <= p.end + slack) continue;
    // The suffix is only looked for where it would close this frame.
    const suffixes = searchApprox(text, suffix, p.end - slack, p.end + maxGap + suffix.length + slack, sideErrors(suffix.length));
    for (const s of suffixes) {
      const gap = s.start - p.end;
      if (gap < -slack || gap > maxGap) continue;
      if (candidate === null) {
        if (holdingQuoteCounts || text.slice(p.end, s.start) !== pq.nExact) return true;
        continue;
      }
      const holds = candidate.start >= p.end - slack && candidate.end <= s.start + slack;
      const frameCost = CONTEXT_EDIT_WEIGHT * (p.errors + s.errors) + frameDistance / DISTANCE_PER_EDIT;
      const candidateCost = CONTEXT_EDIT_WEIGHT * candidate.contextErrors + candidate.distance / DISTANCE_PER_EDIT;
      if (!holds && frameCost <= candidateCost) return true;
    }
  }
  return false;
}

/**
 * Whether the quote's prefix and suffix now stand right next to each other
 * (nothing, or a small remnant, between them) within `reach` of `hint`.
 * Such a seam is what deleting the passage leaves; no copy of the passage
 * elsewhere produces one (an intact passage separates them by the quote), so
 * it shows the annotation's own passage is gone even when the hint is too
 * stale to say where it was.
 */
export function seamWithin(text: string, pq: PreparedQuote, hint: number, reach: number): boolean {
  const seam = seamText(pq);
  if (seam === null) return false;
  return searchApprox(text, seam, hint - reach - seam.length, hint + reach + seam.length, seamErrors(pq, seam)).length > 0;
}

/** Whether the passage's context now meets, anywhere in [from, to), across a gap too small for it: it was deleted. */
export function seamAnywhere(index: TextIndex, pq: PreparedQuote, from: number, to: number): boolean {
  const seam = seamText(pq);
  return seam !== null && someCopy(index, seam, seamErrors(pq, seam), from, to, -Infinity, () => true);
}

/** The text a deletion of the passage leaves: its prefix and suffix joined; null when they are too short to tell. */
export function seamText(pq: PreparedQuote): string | null {
  if (pq.nPrefix.length < MIN_SIDE || pq.nSuffix.length < MIN_SIDE) return null;
  return foldString(pq.nPrefix + pq.nSuffix);
}

/**
 * Edits tolerated in a seam: fewer than half the quote, so an intact passage
 * (the quote counted as one long insertion) never reads as a seam.
 */
export function seamErrors(pq: PreparedQuote, seam: string): number {
  return Math.max(0, Math.min(Math.floor(seam.length * 0.15), Math.ceil(pq.nExact.length / 2) - 1));
}

/** Sides shorter than this say too little on their own. */
const MIN_SIDE_ALONE = 16;
/** What may remain between the two sides of a deleted passage's context. */
const REMNANT = 16;

/**
 * Whether one side of the quote's context stands elsewhere in [from, to), at
 * least as intact as beside `candidate`, next to text that still reads as
 * half the quote, or as half the other side: the passage itself, heavily
 * edited or deleted (its context edited too much for a seam), may be there,
 * and the candidate a copy of its words (boilerplate repeated across a
 * document).
 */
export function contextElsewhere(index: TextIndex, pq: PreparedQuote, candidate: Candidate, from: number, to: number): boolean {
  const text = index.text;
  const quote = pq.nExact;
  const budget = quote.length >> 1;
  const { nPrefix: prefix, nSuffix: suffix } = pq;
  if (prefix.length >= MIN_SIDE_ALONE) {
    for (const p of findCopies(index, prefix, prefixErrors(text, candidate.start, prefix), from - prefix.length, to, candidate.start - prefix.length)) {
      if (Math.abs(p.end - candidate.start) <= MIN_SIDE) continue;
      if (bestPrefixDistance(compile(quote), text, p.end, quote.length + budget, 1, false) <= budget) return true;
      if (suffix.length >= MIN_SIDE && bestPrefixDistance(compile(suffix), text, p.end, suffix.length + REMNANT, 1, true) <= suffix.length >> 1) return true;
    }
  }
  if (suffix.length >= MIN_SIDE_ALONE) {
    for (const s of findCopies(index, suffix, suffixErrors(text, candidate.end, suffix), from, to + quote.length, candidate.end)) {
      if (Math.abs(s.start - candidate.end) <= MIN_SIDE) continue;
      if (bestPrefixDistance(compile(quote, true), text, s.start, quote.length + budget, -1, false) <= budget) return true;
      if (prefix.length >= MIN_SIDE && bestPrefixDistance(compile(prefix, true), text, s.start, prefix.length + REMNANT, -1, true) <= prefix.length >> 1) return true;
    }
  }
  return false;
}
