/**
 * Where the old text around the annotations went.
 *
 * Each annotation carries a fragment of the old text, its prefix, quote and
 * suffix, at a known old offset. A piece of a fragment that occurs exactly
 * once in the new text, and at one place only among the fragments, most
 * likely moved there: a landmark. Copies (boilerplate, quoted passages)
 * yield no landmarks and so cannot mislead; the unique text around them
 * yields the landmarks that bracket them.
 *
 * Edits do not reorder text, so true landmarks keep their order: the
 * longest ordered chain of them is kept and a chance match elsewhere falls
 * out of it. Edits also shift text gradually, so of that chain only the
 * runs worth the shifting they imply are kept: a run that would have the
 * text jump a page away and back is the words of an edited or deleted
 * passage seen in a copy of them (keeping it would draw that passage's
 * annotations onto the copy). A piece found once only because edits broke
 * its other copies (they still stand, a typo off, next to the same words)
 * is no landmark either: it could have come from any copy.
 * Within the stretches between the landmarks found, pieces repeated in the
 * whole text may be unique, so the search goes on there, as patience diff
 * does.
 */

import type { NormalizedText } from "./normalize";
import { pieceCounts, pieceOccurrences, uniquePlace, type PieceCounts } from "./piece-counts";

/** Characters per landmark piece: unique in most prose, yet mostly untouched by scattered edits. */
export const LANDMARK = 16;
const STRIDE = 4;
/** Fragments placing a piece this close to each other in the old text agree on it. */
const SAME_PLACE = 8;
/** Neighbours whose shifts differ by at most this belong to one run (folding can move old offsets a little). */
const SAME_SHIFT = 2;
/** What a character of shift change costs against a piece of a run... */
const SHIFT_COST = 0.5;
/** ...beyond this fraction of the old distance it happens over (edits shift text gradually). */
const DRIFT = 0.1;
/** Runs looked back at with the drift allowance. */
const LOOKBACK = 64;
/** Levels of looking for pieces unique between the landmarks already found. */
const MAX_DEPTH = 3;

export interface Fragment {
  /** Old offset of the fragment's first character. */
  old: number;
  /** The fragment, folded like the text (see normalize.ts). */
  text: NormalizedText;
}

export interface Landmark {
  old: number;
  /** Offset in the new text, normalized (see normalize.ts)... */
  now: number;
  /** ...and in the new text as it is, comparable with `old` whatever folding removed. */
  source: number;
}

/** Both texts start at offset 0, whatever was inserted or deleted after. */
export const TEXT_START: Landmark = { old: 0, now: 0, source: 0 };

interface Piece {
  hash: number;
  old: number;
  fragment: Fragment;
  at: number;
}

function pieceHash(s: string, at: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + LANDMARK; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function piecesOf(fragments: readonly Fragment[]): Piece[] {
  const out: Piece[] = [];
  for (const fragment of fragments) {
    const { text, origAt } = fragment.text;
    const last = text.length - LANDMARK;
    const add = (at: number): void => {
      out.push({ hash: pieceHash(text, at), old: fragment.old + (origAt ? (origAt[at] as number) : at), fragment, at });
    };
    for (let at = 0; at <= last; at += STRIDE) add(at);
    if (last > 0 && last % STRIDE !== 0) add(last);
  }
  return out.sort((a, b) => a.old - b.old);
}

/** Longest chain increasing in both old and new offsets (patience sorting). */
function ordered(points: Landmark[]): Landmark[] {
  // Same old offset: the larger new offset first, so the two never chain.
  points.sort((a, b) => a.old - b.old || b.now - a.now);
  const tails: number[] = [];
  const parent = new Int32Array(points.length).fill(-1);
  for (let i = 0; i < points.length; i++) {
    const now = (points[i] as Landmark).now;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((points[tails[mid] as number] as Landmark).now < now) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const chain: Landmark[] = [];
  for (let k = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; k !== -1; k = parent[k] as number) chain.push(points[k] as Landmark);
  return chain.reverse();
}

interface Run {
  landmarks: Landmark[];
  shift: number;
  firstOld: number;
  lastOld: number;
  /** Old characters the run's pieces cover, over the stride: about its number of pieces. */
  weight: number;
}

function runsOf(chain: readonly Landmark[]): Run[] {
  const runs: Run[] = [];
  for (const l of chain) {
    const shift = l.source - l.old;
    const run = runs[runs.length - 1];
    if (run && Math.abs(shift - run.shift) <= SAME_SHIFT) run.landmarks.push(l);
    else runs.push({ landmarks: [l], shift, weight: 0, firstOld: l.old, lastOld: l.old });
  }
  for (const run of runs) {
    run.firstOld = (run.landmarks[0] as Landmark).old;
    run.lastOld = (run.landmarks[run.landmarks.length - 1] as Landmark).old;
    run.weight = (run.lastOld + LANDMARK - run.firstOld) / STRIDE;
  }
  return runs;
}

/** Prefix maxima with the index attaining them (a Fenwick tree). */
class MaxTree {
  private readonly value: Float64Array;
  private readonly arg: Int32Array;

  constructor(size: number) {
    this.value = new Float64Array(size + 1).fill(-Infinity);
    this.arg = new Int32Array(size + 1).fill(-1);
  }

  update(pos: number, value: number, arg: number): void {
    for (let i = pos + 1; i < this.value.length; i += i & -i) {
      if (value > (this.value[i] as number)) {
        this.value[i] = value;
        this.arg[i] = arg;
      }
    }
  }

  /** Best value at positions 0..pos, and where. */
  query(pos: number): [number, number] {
    let best = -Infinity;
    let arg = -1;
    for (let i = pos + 1; i > 0; i -= i & -i) {
      if ((this.value[i] as number) > best) {
        best = this.value[i] as number;
        arg = this.arg[i] as number;
      }
    }
    return [best, arg];
  }
}

/**
 * The runs worth keeping between two bounds: the subsequence that maximizes
 * their weight minus what its shift changes cost. Edits change the shift
 * gradually, so a change up to DRIFT of the old distance between two runs
 * is free, and SHIFT_COST per character beyond; a run pointing at a copy a
 * page away must be worth more than jumping there (and back). Predecessors
 * among the last LOOKBACK runs are weighed exactly; farther ones through a
 * prefix-maximum tree, without the drift allowance (so at a higher price).
 * `end` may be open (the text's end): the path then stops anywhere.
 */
function keepWorthwhile(start: Run, runs: readonly Run[], end: Run | null): Run[] {
  const nodes = end ? [start, ...runs, end] : [start, ...runs];
  const shifts = [...new Set(nodes.map((r) => r.shift))].sort((a, b) => a - b);
  const rank = new Map(shifts.map((v, i) => [v, i]));
  // A predecessor with a smaller shift pays (s - s_i): keep score_i + c*s_i
  // by rank; one with a larger shift pays (s_i - s): keep score_i - c*s_i by
  // reversed rank.
  const below = new MaxTree(shifts.length);
  const above = new MaxTree(shifts.length);
  const score = new Float64Array(nodes.length).fill(-Infinity);
  const parent = new Int32Array(nodes.length).fill(-1);
  score[0] = 0;
  for (let j = 0; j < nodes.length; j++) {
    const node = nodes[j] as Run;
    if (j > 0) {
      const r = rank.get(node.shift) as number;
      const [b, bi] = below.query(r);
      const [a, ai] = above.query(shifts.length - 1 - r);
      let best = b - SHIFT_COST * node.shift;
      let from = bi;
      if (a + SHIFT_COST * node.shift > best) {
        best = a + SHIFT_COST * node.shift;
        from = ai;
      }
      for (let i = Math.max(0, j - LOOKBACK); i < j; i++) {
        const prev = nodes[i] as Run;
        const gap = node.firstOld - prev.lastOld;
        const value = (score[i] as number) - SHIFT_COST * Math.max(0, Math.abs(node.shift - prev.shift) - DRIFT * Math.max(0, gap));
        if (value > best) {
          best = value;
          from = i;
        }
      }
      score[j] = best + node.weight;
      parent[j] = from;
    }
    const r = rank.get(node.shift) as number;
    below.update(r, (score[j] as number) + SHIFT_COST * node.shift, j);
    above.update(shifts.length - 1 - r, (score[j] as number) - SHIFT_COST * node.shift, j);
  }
  let last = nodes.length - 1;
  if (!end) for (let j = 0; j < nodes.length; j++) if ((score[j] as number) > (score[last] as number)) last = j;
  const kept: Run[] = [];
  for (let j = end ? (parent[last] as number) : last; j > 0; j = parent[j] as number) kept.push(nodes[j] as Run);
  return kept.reverse();
}

function fixedRun(l: Landmark): Run {
  return { landmarks: [], shift: l.source - l.old, weight: 0, firstOld: l.old, lastOld: l.old };
}

/** First index in `pieces` (sorted by old) whose old offset exceeds `old`. */
function after(pieces: readonly Piece[], old: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pieces[mid] as Piece).old <= old) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Occurrences of a flank looked at. */
const FLANKS = 8;

/**
 * Whether the piece at `at` in `fragment`, found once at `now`, also stands
 * elsewhere a typo off, next to the same text. It is then unique only
 * because edits broke its copies, and says nothing about which copy its
 * annotation was on.
 */
function brokenCopyElsewhere(pieces: PieceCounts, fragment: string, at: number, now: number, from: number, to: number): boolean {
  // The flank before the piece, or after it at the fragment's start.
  const before = at >= LANDMARK;
  if (!before && at + 2 * LANDMARK > fragment.length) return false;
  const flank = before ? at - LANDMARK : at + LANDMARK;
  const dir = before ? 1 : -1;
  for (const q of pieceOccurrences(pieces, fragment, flank, FLANKS, from, to)) {
    if (q === now + flank - at) continue;
    if (typoOff(pieces.index.text, before ? q + LANDMARK : q, dir, fragment, at)) return true;
  }
  return false;
}

/**
 * Whether the text read from `start` in direction `dir` (+1: onwards from
 * text[start]; -1: back from text[start - 1]) begins with the LANDMARK-long
 * piece of `fragment` at `at` (read the same way) give or take a typo: the
 * first difference is a character changed, added or removed, and the rest
 * agrees.
 */
function typoOff(text: string, start: number, dir: 1 | -1, fragment: string, at: number): boolean {
  const piece = (i: number): number => fragment.charCodeAt(dir > 0 ? at + i : at + LANDMARK - 1 - i);
  const read = (j: number): number => (dir > 0 ? text.charCodeAt(start + j) : start - 1 - j >= 0 ? text.charCodeAt(start - 1 - j) : NaN);
  let i = 0;
  while (i < LANDMARK && piece(i) === read(i)) i++;
  if (i === LANDMARK) return true;
  // The rest of the piece, read from `from`, against the text read from `textFrom`.
  const agrees = (from: number, textFrom: number): boolean => {
    for (let k = 0; from + k < LANDMARK; k++) if (piece(from + k) !== read(textFrom + k)) return false;
    return true;
  };
  return agrees(i + 1, i + 1) || agrees(i, i + 1) || agrees(i + 1, i);
}

/**
 * Landmarks among pieces[from, to), which lie between the landmarks `left`
 * and `right` (or the text's ends): pieces unique within that stretch of the
 * old and of the new text; then, a few levels deep, within the stretches
 * between the landmarks found.
 */
function within(norm: NormalizedText, counts: PieceCounts, pieces: readonly Piece[], from: number, to: number, left: Landmark | null, right: Landmark | null, depth: number, out: Landmark[]): void {
  if (to <= from) return;
  const places = new Map<number, number>();
  const copied = new Set<number>();
  for (let i = from; i < to; i++) {
    const p = pieces[i] as Piece;
    const seen = places.get(p.hash);
    if (seen === undefined) places.set(p.hash, p.old);
    else if (Math.abs(seen - p.old) > SAME_PLACE) copied.add(p.hash);
  }
  const nowFrom = left ? left.now + 1 : 0;
  const nowTo = right ? right.now + LANDMARK - 1 : Infinity;
  const points: Landmark[] = [];
  for (let i = from; i < to; i++) {
    const p = pieces[i] as Piece;
    if (copied.has(p.hash)) continue;
    const fragment = p.fragment.text.text;
    const now = uniquePlace(counts, fragment, p.at, nowFrom, nowTo);
    if (now === -1) continue;
    if (brokenCopyElsewhere(counts, fragment, p.at, now, nowFrom, nowTo)) continue;
    points.push({ old: p.old, now, source: norm.origAt ? (norm.origAt[now] as number) : now });
  }
  const runs = runsOf(ordered(points));
  if (runs.length === 0) return;
  const found = keepWorthwhile(fixedRun(left ?? TEXT_START), runs, right && fixedRun(right)).flatMap((r) => r.landmarks);
  out.push(...found);
  if (depth >= MAX_DEPTH) return;
  const bounds = [left, ...found, right];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k] ?? null;
    const b = bounds[k + 1] ?? null;
    const start = a ? after(pieces, a.old) : from;
    const end = b ? after(pieces, b.old - 1) : to;
    within(norm, counts, pieces, Math.max(from, start), Math.min(to, end), a, b, depth + 1, out);
  }
}

export function findLandmarks(norm: NormalizedText, fragments: readonly Fragment[]): Landmark[] {
  const pieces = piecesOf(fragments);
  const out: Landmark[] = [];
  within(norm, pieceCounts(norm, LANDMARK), pieces, 0, pieces.length, null, null, 0, out);
  return out.sort((a, b) => a.old - b.old);
}
