/**
 * Bounded approximate search on top of `approx-string-match` (Myers'
 * bit-parallel algorithm, O(n * k / 32)).
 */

import search from "approx-string-match";

export interface RawMatch {
  start: number;
  end: number;
  errors: number;
}

/** Beyond this length a quote is located through pieces of itself first. */
const LONG_QUOTE = 256;
const PIECE = 64;
const MAX_REGIONS = 64;

/**
 * The error budget: a quarter of the quote. More than that and the passage is
 * no longer the one that was annotated; it also bounds the search cost.
 */
export const MAX_ERROR_RATE = 0.25;

export function maxErrorsFor(length: number): number {
  return Math.floor(length * MAX_ERROR_RATE);
}

function closeness(m: RawMatch, length: number): number {
  return Math.abs(m.end - m.start - length);
}

/**
 * The matcher reports one match per end position, so a single occurrence
 * shows up as a cluster of overlapping variants; keep the best of each.
 */
function dedupe(matches: RawMatch[], length: number): RawMatch[] {
  matches.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: RawMatch[] = [];
  let groupEnd = -1;
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < groupEnd) {
      groupEnd = Math.max(groupEnd, m.end);
      if (m.errors < last.errors || (m.errors === last.errors && closeness(m, length) < closeness(last, length))) {
        out[out.length - 1] = m;
      }
      continue;
    }
    out.push(m);
    groupEnd = m.end;
  }
  return out;
}

/**
 * Myers' search returns only the lowest-error matches of the text it is given,
 * so one look-alike with a single error less would hide the genuine, slightly
 * edited passage. Chunks give the best match of every neighbourhood, and
 * `depth` more searches of the gaps between those matches surface the
 * runners-up of a chunk; the caller weighs them all by context.
 */
function searchRegion(text: string, pattern: string, s: number, e: number, maxErrors: number, depth: number, out: RawMatch[]): void {
  const length = pattern.length;
  if (e - s < length - maxErrors) return;
  const found = search(text.slice(s, e), pattern, maxErrors);
  if (found.length === 0) return;
  let gapStart = s;
  for (const m of found) {
    out.push({ start: s + m.start, end: s + m.end, errors: m.errors });
    if (depth > 0) searchRegion(text, pattern, gapStart, s + m.start + (length >> 2), maxErrors, depth - 1, out);
    gapStart = Math.max(gapStart, s + m.end - (length >> 2));
  }
  if (depth > 0) searchRegion(text, pattern, gapStart, e, maxErrors, depth - 1, out);
}

export function searchChunks(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
  depth = 0,
): RawMatch[] {
  const length = pattern.length;
  const lo = Math.max(0, Math.floor(from));
  const hi = Math.min(text.length, Math.ceil(to));
  if (length === 0 || hi - lo < length - maxErrors) return [];
  const chunk = Math.max(2048, 3 * length);
  const overlap = length + maxErrors;
  const out: RawMatch[] = [];
  for (let s = lo; s < hi; s += chunk) {
    const e = Math.min(hi, s + chunk + overlap);
    searchRegion(text, pattern, s, e, maxErrors, depth, out);
    if (e === hi) break;
  }
  return dedupe(out, length);
}

/**
 * A long quote's full search costs O(n * k / 32) with k growing with the
 * quote; instead find where pieces of it (head, middle, tail) occur, then run
 * the full search only in the few regions those pieces point to. A passage
 * edited in all three pieces beyond a quarter is lost, which is acceptable:
 * an orphan, never a wrong place.
 */
function searchLong(text: string, pattern: string, from: number, to: number, maxErrors: number): RawMatch[] {
  const length = pattern.length;
  const pieceErrors = maxErrorsFor(PIECE);
  const offsets = [0, (length - PIECE) >> 1, length - PIECE];
  const regionStarts: number[] = [];
  const out: RawMatch[] = [];
  for (const offset of offsets) {
    const piece = pattern.slice(offset, offset + PIECE);
    for (const m of searchChunks(text, piece, from, to, pieceErrors)) {
      const estimate = m.start - offset;
      if (regionStarts.some((r) => Math.abs(r - estimate) <= pieceErrors)) continue;
      if (regionStarts.length >= MAX_REGIONS) break;
      regionStarts.push(estimate);
      const rs = Math.max(from, estimate - maxErrors - 8);
      const re = Math.min(to, estimate + length + maxErrors + 8);
      if (re - rs < length - maxErrors) continue;
      for (const full of search(text.slice(rs, re), pattern, maxErrors)) {
        out.push({ start: rs + full.start, end: rs + full.end, errors: full.errors });
      }
    }
  }
  return dedupe(out, length);
}

/**
 * Approximate occurrences of `pattern` lying within [from, to), with at most
 * `errorRate` of its length in errors.
 */
export function searchApprox(text: string, pattern: string, from: number, to: number, depth: number, errorRate = MAX_ERROR_RATE): RawMatch[] {
  const maxErrors = Math.floor(pattern.length * errorRate);
  if (pattern.length > LONG_QUOTE) return searchLong(text, pattern, from, to, maxErrors);
  return searchChunks(text, pattern, from, to, maxErrors, depth);
}

/** Exact occurrences within [from, to), at most `limit` of them. */
export function searchExact(text: string, pattern: string, from: number, to: number, limit: number): RawMatch[] {
  const out: RawMatch[] = [];
  if (pattern.length === 0) return out;
  const lo = Math.max(0, Math.floor(from));
  const hi = Math.min(text.length, Math.ceil(to));
  // Slicing bounds the scan: indexOf on the whole text would run to its end
  // whenever the quote is absent from the window.
  const windowText = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  let at = windowText.indexOf(pattern);
  while (at !== -1 && out.length < limit) {
    out.push({ start: lo + at, end: lo + at + pattern.length, errors: 0 });
    at = windowText.indexOf(pattern, at + 1);
  }
  return out;
}
