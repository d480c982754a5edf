/**
 * Imported annotations (quote and context, no position) that stood next to
 * each other: one's stored frame (prefix, quote, suffix) reads into the
 * other's, word for word, because both were cut from the same stretch of
 * the text they were made on. That overlap says how far apart the two
 * passages stood, as an old position would; so once one of them is placed,
 * the other is looked for right where that distance puts it
 * (co-moved.ts, placeAtHints), the way a positioned passage is looked for
 * where its placed neighbours' shift puts it.
 *
 * Unless the stretch the two frames share is not theirs alone: words that
 * stand anywhere else, even with a quarter of them edited (repeated
 * boilerplate, a licence, a sentence quoted again), are shared by frames
 * cut from different copies as well, and say nothing about which copy
 * either passage was next to. And a passage whose context meets anywhere
 * (a seam) was deleted, wherever its neighbour went: next to the neighbour
 * stands a copy of it.
 */

import { placeAtHints } from "./co-moved";
import { someCopy } from "./copies";
import { seamAnywhere } from "./frame";
import { foldString, toNormOffset, type NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { textIndex } from "./text-index";
import type { AnchorMatch } from "./types";

/** Frames that share fewer characters than this say too little about standing together. */
const MIN_SHARED = 32;
/** A copy of the shared stretch with up to this share of it edited elsewhere makes it no one's own. */
const COPY_ERROR_RATE = 0.25;
/** How far from where the placed passage puts it the shared stretch may stand, for edits between. */
const SHARED_SLACK = 32;

/** One frame reading into another: the second frame started `offset` characters after the first. */
interface Overlap {
  first: number;
  second: number;
  offset: number;
  /** The characters both frames hold. */
  shared: string;
}

/** The multiplier of the rolling hash of MIN_SHARED-long windows, and its power for the character leaving a window. */
const HASH_BASE = 31;
const HASH_TOP = Array.from({ length: MIN_SHARED - 1 }).reduce<number>((power) => Math.imul(power, HASH_BASE), 1);

/** A hash of every MIN_SHARED-long window of `s`, by where it starts (polynomial, rolling: one step per character). */
function windowHashes(s: string): Int32Array {
  const out = new Int32Array(Math.max(0, s.length - MIN_SHARED + 1));
  let hash = 0;
  for (let k = 0; k < s.length; k++) {
    if (k >= MIN_SHARED) hash = (hash - Math.imul(s.charCodeAt(k - MIN_SHARED), HASH_TOP)) | 0;
    hash = (Math.imul(hash, HASH_BASE) + s.charCodeAt(k)) | 0;
    if (k >= MIN_SHARED - 1) out[k - MIN_SHARED + 1] = hash;
  }
  return out;
}

/**
 * Pairs of frames of which one reads into the other over MIN_SHARED
 * characters or more: the tail of the first is the head of the second, or
 * the second lies inside the first. Only pairs `between` accepts.
 */
function overlaps(frames: readonly (string | null)[], between: (i: number, j: number) => boolean): Overlap[] {
  const hashes = frames.map((frame) => (frame ? windowHashes(frame) : null));
  const byHead = new Map<number, number[]>();
  hashes.forEach((windows, i) => {
    const head = windows?.[0];
    if (head === undefined) return;
    const starting = byHead.get(head);
    if (starting) starting.push(i);
    else byHead.set(head, [i]);
  });
  const found: Overlap[] = [];
  frames.forEach((first, i) => {
    const windows = hashes[i];
    if (!first || !windows) return;
    for (let at = 0; at < windows.length; at++) {
      for (const j of byHead.get(windows[at] as number) ?? []) {
        const second = frames[j] as string;
        // Two frames starting alike are found once, from the longer.
        if (j === i || !between(i, j) || (at === 0 && (second.length > first.length || (second.length === first.length && j < i)))) continue;
        const length = Math.min(first.length - at, second.length);
        if (first.startsWith(second.slice(0, length), at)) found.push({ first: i, second: j, offset: at, shared: second.slice(0, length) });
      }
    }
  });
  return found;
}

/**
 * Places, where they can, the items without a position still null, from the
 * imports placed next to them (see above). Mutates `results`; only what was
 * placed before this pass vouches for another.
 */
export function placeByOverlaps(norm: NormalizedText, prepared: readonly (PreparedQuote | null)[], unpositioned: readonly boolean[], results: (AnchorMatch | null)[], oneSidedReach: number): void {
  if (!results.some((match, i) => !match && unpositioned[i])) return;
  const frames = prepared.map((pq, i) => (pq && unpositioned[i] ? pq.prefix + pq.exact + pq.suffix : null));
  const index = textIndex(norm);
  const hints = new Map<number, number[]>();
  for (const { first, second, offset, shared } of overlaps(frames, (i, j) => !results[i] !== !results[j])) {
    const [fixed, loose] = results[first] ? [first, second] : [second, first];
    // Where both quotes start now, from where the placed one does; the shared stretch begins where the second frame does.
    const firstPrefix = (prepared[first] as PreparedQuote).prefix.length;
    const apart = offset + (prepared[second] as PreparedQuote).prefix.length - firstPrefix;
    const firstStart = (results[fixed] as AnchorMatch).start - (fixed === first ? 0 : apart);
    const start = loose === first ? firstStart : firstStart + apart;
    const sharedAt = toNormOffset(norm, firstStart - firstPrefix + offset);
    const folded = foldString(shared);
    if (someCopy(index, folded, Math.floor(folded.length * COPY_ERROR_RATE), 0, norm.text.length, sharedAt, (copy) => Math.abs(copy.start - sharedAt) > SHARED_SLACK)) continue;
    const starts = hints.get(loose);
    if (starts) starts.push(start);
    else hints.set(loose, [start]);
  }
  const found: [number, AnchorMatch][] = [];
  for (const [i, starts] of hints) {
    const pq = prepared[i] as PreparedQuote;
    // Its context meeting anywhere says it was deleted: next to the neighbour stands a copy.
    if (seamAnywhere(index, pq, 0, norm.text.length)) continue;
    const place = placeAtHints(norm, pq, starts, oneSidedReach);
    if (place) found.push([i, place]);
  }
  for (const [i, match] of found) results[i] = match;
}
