/**
 * Re-anchoring all annotations of one article at once (the server does this
 * after the article's text changes).
 *
 * 1. Annotations whose position still holds the quote are kept as they are,
 *    if all of them do.
 * 2. Otherwise the fragments of old text the annotations carry (prefix,
 *    quote, suffix) are located through landmarks: pieces of them that occur
 *    once in the new text, kept in order (landmarks.ts).
 * 3. Each annotation is searched for between the landmarks on either side of
 *    it, with a hint from the nearest one: a tight, cheap search, and one
 *    that cannot land on a repeated passage elsewhere in the article.
 */

import { LANDMARK, TEXT_START, findLandmarks, type Landmark } from "./landmarks";
import { locate, locateOutcome, locateVerbatim } from "./match-quote";
import { foldWithOffsets, normalizeText, toNormOffset, type NormalizedText } from "./normalize";
import { positionHolds } from "./anchor";
import { prepareQuote, type PreparedQuote } from "./prepare-quote";
import { contextScore } from "./similarity";
import type { AnchorItem, AnchorMatch, QuoteQuery } from "./types";

/** Leeway at the edges of a bracket for fuzzy match boundaries. */
const BRACKET_SLACK = 32;
/** How far a placement may pull the text between its landmarks both ways: some characters, plus a share of the stretch. */
const DETOUR_BASE = 32;
const DETOUR_RATE = 0.1;
/** Between landmarks the hint is accurate: one-sided context must be this near it. */
const ONE_SIDED_REACH = 32;

function verifiedScore(text: string, quote: QuoteQuery, start: number, end: number): number {
  const ctx = contextScore(text, start, end, quote.prefix ?? "", quote.suffix ?? "");
  if (ctx.similarity === null) return 1;
  return Math.round((0.7 + 0.3 * ctx.similarity) * 1000) / 1000;
}

/** Index of the first landmark whose old offset is at least `old`. */
function firstFrom(landmarks: readonly Landmark[], old: number): number {
  let lo = 0;
  let hi = landmarks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((landmarks[mid] as Landmark).old < old) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Searches for a quote that was at [old, oldEnd) in the old text between the
 * landmarks before and after it, with a hint from the nearest landmark.
 */
function placeBetween(norm: NormalizedText, pq: PreparedQuote, old: number, oldEnd: number, landmarks: readonly Landmark[]): AnchorMatch | null {
  const afterPrev = firstFrom(landmarks, old - LANDMARK + 1);
  const prev = landmarks[afterPrev - 1] ?? TEXT_START;
  const next = landmarks[firstFrom(landmarks, oldEnd)];
  const inner = landmarks[afterPrev];
  // The nearest landmark's shift carries the old start over.
  let nearest: Landmark | undefined;
  if (inner && inner.old + LANDMARK <= oldEnd) nearest = inner;
  else if (prev !== TEXT_START && (!next || old - prev.old <= next.old - oldEnd)) nearest = prev;
  else nearest = next;
  const hint = toNormOffset(norm, nearest ? old + nearest.source - nearest.old : old);
  const match = locateOutcome(norm, pq, {
    hint,
    lo: Math.max(0, prev.now + LANDMARK - BRACKET_SLACK),
    hi: next ? next.now + BRACKET_SLACK : norm.text.length,
    // Edits do not reorder text: with landmarks on both sides (the text's
    // start is one), anywhere else is another passage that reads the same.
    global: !next,
    oneSidedReach: ONE_SIDED_REACH,
  });
  // Nothing between the landmarks reads like the passage: it may have moved
  // elsewhere, with its surroundings (which are then out of the landmarks'
  // order). Searched for as one annotation alone would be.
  if (match === null && next) return locate(norm, pq, { hint }) ?? locateVerbatim(norm, pq, hint);
  if (match === "refused") return null;
  if (!match || !next) return match;
  // The text between the landmarks may have grown or shrunk, but placing the
  // passage here must not need it to grow on one side and shrink on the
  // other by more than scattered edits do: that is a look-alike elsewhere in
  // the stretch (the passage itself was deleted or rewritten beyond reach).
  const shift = match.start - old;
  const before = prev.source - prev.old;
  const after = next.source - next.old;
  const detour = Math.abs(shift - before) + Math.abs(after - shift) - Math.abs(after - before);
  return detour <= DETOUR_BASE + DETOUR_RATE * (next.old - prev.old) ? match : null;
}

/**
 * Locates every item in `text`; `position`s refer to the text the items were
 * made on. Returns one match or null (orphan) per item, in the same order.
 */
export function anchorAll(text: string, items: readonly AnchorItem[]): (AnchorMatch | null)[] {
  const results: (AnchorMatch | null)[] = items.map(() => null);
  let allHold = true;
  items.forEach((item, index) => {
    const position = item.position;
    if (allHold && position && item.quote.exact && positionHolds(text, item.quote, position)) {
      results[index] = { start: position.start, end: position.end, score: verifiedScore(text, item.quote, position.start, position.end) };
    } else {
      allHold = false;
    }
  });
  if (allHold) return results;
  results.fill(null);

  const norm = normalizeText(text);
  const prepared = items.map((item) => prepareQuote(item.quote));
  const oldStart = items.map((item) => {
    const start = item.position?.start;
    return start !== undefined && Number.isFinite(start) ? start : undefined;
  });
  const fragments = prepared.flatMap((pq, i) => {
    const start = oldStart[i];
    return pq && start !== undefined ? [{ old: start - pq.prefix.length, text: foldWithOffsets(pq.prefix + pq.exact + pq.suffix) }] : [];
  });
  const landmarks = findLandmarks(norm, fragments);
  prepared.forEach((pq, i) => {
    if (!pq) return;
    const start = oldStart[i];
    const end = items[i]?.position?.end;
    results[i] = start === undefined ? (locate(norm, pq) ?? locateVerbatim(norm, pq, undefined)) : placeBetween(norm, pq, start, end !== undefined && end >= start ? end : start + pq.exact.length, landmarks);
  });
  return results;
}
