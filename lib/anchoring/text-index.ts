/**
 * Where every 8-character piece of a text occurs, built once per text.
 *
 * Re-anchoring a thousand annotations asks over and over whether some piece
 * of a quote or its context occurs elsewhere in the article, and where.
 * Scanning the article each time costs its whole length; the index answers
 * from a hash bucket.
 */

import type { NormalizedText } from "./normalize";

/** Length of the hashed piece: long enough to be rare in prose, short enough to survive edits. */
export const PIECE = 8;
const BASE = 0x01000193;

export interface TextIndex {
  readonly text: string;
  /** Bucket b holds positions[heads[b]] .. positions[heads[b + 1] - 1], ascending. */
  readonly heads: Int32Array;
  readonly positions: Int32Array;
  readonly shift: number;
}

function hashAt(s: string, at: number): number {
  let h = 0;
  for (let i = 0; i < PIECE; i++) h = (Math.imul(h, BASE) + s.charCodeAt(at + i)) | 0;
  return h;
}

/** BASE^(PIECE-1): the weight of the character leaving the window. */
const OUTGOING = (() => {
  let w = 1;
  for (let i = 1; i < PIECE; i++) w = Math.imul(w, BASE);
  return w;
})();

/** The hash of the piece one character on from the one hashed `h`: `leaving` drops out, `entering` comes in. */
function rollHash(h: number, leaving: number, entering: number): number {
  return (Math.imul((h - Math.imul(leaving, OUTGOING)) | 0, BASE) + entering) | 0;
}

function build(text: string): TextIndex {
  const n = Math.max(0, text.length - PIECE + 1);
  let bits = 10;
  while (1 << bits < n && bits < 24) bits++;
  const shift = 32 - bits;
  const heads = new Int32Array((1 << bits) + 1);
  const buckets = new Int32Array(n);
  let h = n > 0 ? hashAt(text, 0) : 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) h = rollHash(h, text.charCodeAt(i - 1), text.charCodeAt(i + PIECE - 1));
    const b = h >>> shift;
    buckets[i] = b;
    heads[b + 1] = (heads[b + 1] as number) + 1;
  }
  for (let b = 1; b < heads.length; b++) heads[b] = (heads[b] as number) + (heads[b - 1] as number);
  const fill = heads.slice(0, heads.length - 1);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = buckets[i] as number;
    positions[fill[b] as number] = i;
    fill[b] = (fill[b] as number) + 1;
  }
  return { text, heads, positions, shift };
}

// One index per normalized text, kept as long as normalize.ts keeps the text
// (so clearing that cache also makes benchmarks pay for indexing).
const cache = new WeakMap<NormalizedText, TextIndex>();

export function textIndex(norm: NormalizedText): TextIndex {
  let entry = cache.get(norm);
  if (!entry) {
    entry = build(norm.text);
    cache.set(norm, entry);
  }
  return entry;
}

/**
 * Of the PIECE-long pieces of `source` that fit in [from, to), the first with
 * the fewest places in the text sharing its hash bucket (at least its number
 * of occurrences): the cheapest to look up. A piece with a bucket of its own
 * ends the search.
 */
export function rarestPiece(index: TextIndex, source: string, from: number, to: number): number {
  const { heads, shift } = index;
  let best = from;
  let bestSize = Infinity;
  let h = from + PIECE <= to ? hashAt(source, from) : 0;
  for (let at = from; at + PIECE <= to && bestSize > 1; at++) {
    if (at > from) h = rollHash(h, source.charCodeAt(at - 1), source.charCodeAt(at + PIECE - 1));
    const bucket = h >>> shift;
    const size = (heads[bucket + 1] as number) - (heads[bucket] as number);
    if (size < bestSize) {
      best = at;
      bestSize = size;
    }
  }
  return best;
}

/**
 * Start positions of `source.slice(at, at + length)` (at least PIECE
 * characters) in the text, of the occurrences lying within [from, to),
 * ascending; at most `limit`.
 */
export function occurrencesOf(index: TextIndex, source: string, at: number, length: number, limit: number, from = 0, to = Infinity): number[] {
  const out: number[] = [];
  if (length < PIECE || at < 0 || at + length > source.length) throw new RangeError("text index: piece out of range");
  const { text, positions } = index;
  const bucket = hashAt(source, at) >>> index.shift;
  let lo = index.heads[bucket] as number;
  const end = index.heads[bucket + 1] as number;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  const last = Math.min(to, text.length) - length;
  for (let k = lo; k < end && out.length < limit; k++) {
    const pos = positions[k] as number;
    if (pos > last) break;
    let i = 0;
    while (i < length && text.charCodeAt(pos + i) === source.charCodeAt(at + i)) i++;
    if (i === length) out.push(pos);
  }
  return out;
}
