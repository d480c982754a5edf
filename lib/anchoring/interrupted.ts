/**
 * A passage something was dropped into (a move landed inside it): its
 * prefix, nearly intact, then the head of its quote, other words, the rest
 * of its quote and its suffix, nearly intact — the whole frame, in order,
 * interrupted once. No edit reads so by chance, and no look-alike: taken
 * when it is the only such frame, and its larger part, with the side of
 * context next to it, stands nowhere else. That larger part is the match
 * (the words dropped in are not the passage's).
 */

import { searchApprox, type RawMatch } from "./approx-search";
import { evaluate, overlapRatio, toMatch } from "./candidates";
import { someCopy } from "./copies";
import { seamAnywhere } from "./frame";
import type { NormalizedText } from "./normalize";
import { partReadings } from "./part-readings";
import type { PreparedQuote } from "./prepare-quote";
import { textIndex } from "./text-index";
import type { AnchorMatch } from "./types";

/** Sides and quotes shorter than this say too little. */
const MIN_SIDE = 16;
const MIN_QUOTE = 32;
/** Edits the sides and the quote's two parts (together) may have. */
const NEARLY_INTACT = 0.1;
/** Fewer characters than this between the parts are edits, not something dropped in. */
const MIN_GAP = 16;
/** How much may have been dropped in. */
const MAX_GAP = 2_048;
/** Bounds wider than this (landmarks far apart, or none after the passage) are not scanned: they pin too little. */
const SCAN_LIMIT = 8_192;

interface Parts {
  head: RawMatch;
  tail: RawMatch;
}

/** The one frame in [lo, hi) (normalized offsets) that reads as the passage interrupted once, or null. */
function interruptedFrame(text: string, pq: PreparedQuote, lo: number, hi: number): Parts | null {
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  const budget = Math.floor(quote.length * NEARLY_INTACT);
  let found: Parts | null = null;
  // A suffix may follow several places of the prefix: its tails are read once.
  const tailsAt = new Map<number, [number, number][]>();
  for (const p of searchApprox(text, prefix, Math.max(0, lo - prefix.length), hi, Math.floor(prefix.length * NEARLY_INTACT))) {
    const heads = partReadings(text, quote, p.end, false);
    // The whole quote reading after the prefix, or before the suffix, is a copy uninterrupted.
    if ((heads[quote.length] as [number, number])[0] <= budget) continue;
    const to = Math.min(text.length, p.end + MAX_GAP + quote.length + suffix.length);
    for (const s of searchApprox(text, suffix, p.end + MIN_GAP, to, Math.floor(suffix.length * NEARLY_INTACT))) {
      let tails = tailsAt.get(s.start);
      if (!tails) {
        tails = partReadings(text, quote, s.start, true);
        tailsAt.set(s.start, tails);
      }
      if ((tails[quote.length] as [number, number])[0] <= budget) continue;
      // The split of the quote into a head after the prefix and a tail
      // before the suffix with the fewest edits, other words between them.
      let best: Parts | null = null;
      for (let k = 1; k < quote.length; k++) {
        const [headErrors, headCovered] = heads[k] as [number, number];
        const [tailErrors, tailCovered] = tails[quote.length - k] as [number, number];
        const errors = headErrors + tailErrors;
        if (errors > budget || s.start - tailCovered - (p.end + headCovered) < MIN_GAP) continue;
        if (best && best.head.errors + best.tail.errors <= errors) continue;
        best = { head: { start: p.end, end: p.end + headCovered, errors: headErrors }, tail: { start: s.start - tailCovered, end: s.start, errors: tailErrors } };
      }
      if (!best) continue;
      if (found) return null;
      found = best;
    }
  }
  return found;
}

/** The passage interrupted once, within [lo, hi) (normalized offsets, at most SCAN_LIMIT apart): see the module comment. */
export function interruptedPassage(norm: NormalizedText, pq: PreparedQuote, lo = 0, hi = norm.text.length): AnchorMatch | null {
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  if (prefix.length < MIN_SIDE || suffix.length < MIN_SIDE || quote.length < MIN_QUOTE || hi - lo > SCAN_LIMIT) return null;
  const text = norm.text;
  // The passage's context meeting anywhere says it was deleted.
  if (seamAnywhere(textIndex(norm), pq, 0, text.length)) return null;
  const parts = interruptedFrame(text, pq, lo, hi);
  if (!parts) return null;
  const { head, tail } = parts;
  const headLonger = head.end - head.start >= tail.end - tail.start;
  const part = headLonger ? head : tail;
  // That part with its side of context standing elsewhere too (repeated boilerplate) is no trace of this passage more than of that copy.
  const withSide = headLonger ? { start: part.start - prefix.length, end: part.end, errors: 0 } : { start: part.start, end: part.end + suffix.length, errors: 0 };
  const words = text.slice(withSide.start, withSide.end);
  if (someCopy(textIndex(norm), words, Math.floor(words.length * NEARLY_INTACT), 0, text.length, withSide.start, (other) => overlapRatio(other, withSide) <= 0.5)) return null;
  const missing = quote.length - (headLonger ? head.end - head.start : tail.end - tail.start);
  return toMatch(norm, pq, evaluate(text, pq, { ...part, errors: part.errors + Math.max(0, missing) }, undefined));
}
