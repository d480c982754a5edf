/**
 * Myers' bit-parallel edit distance (G. Myers, "A fast bit-vector algorithm
 * for approximate string matching based on dynamic programming", J. ACM
 * 46(3), 1999), in blocks of 32 pattern characters, with Ukkonen's cut-off
 * so that a search only computes the blocks that can still be within the
 * error budget.
 *
 * Our own rather than a library's because anchoring runs thousands of small
 * searches per article: a compiled pattern is reused across searches, the
 * text is read in place (no slices or reversed copies), every end position
 * with its error count comes out of one pass (a library that reports only
 * the best ones needs a search per runner-up), and scratch arrays are reused.
 */

const W = 32;

export interface Pattern {
  readonly source: string;
  readonly length: number;
  /** Read from the last character to the first (for searching leftwards). */
  readonly reversed: boolean;
  readonly blocks: number;
  /** Bit b of block k of row r: pattern character 32k + b is the row's character. Row 0: any other character. */
  readonly peq: Int32Array;
  /** The pattern's distinct character codes and their rows' offsets (row * blocks) into `peq`. */
  readonly codes: Int32Array;
  readonly offsets: Int32Array;
  /** Index of the bit of the last block that holds the pattern's last character. */
  readonly lastShift: number;
}

/** Row offsets by character code while a pattern is built (reset after each build). */
const buildRows = new Int32Array(0x10000);

function build(source: string, reversed: boolean): Pattern {
  const length = source.length;
  const blocks = Math.max(1, Math.ceil(length / W));
  const codes: number[] = [];
  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(reversed ? length - 1 - i : i);
    if (buildRows[code] === 0) {
      codes.push(code);
      buildRows[code] = codes.length * blocks;
    }
  }
  const peq = new Int32Array((codes.length + 1) * blocks);
  for (let i = 0; i < length; i++) {
    const at = (buildRows[source.charCodeAt(reversed ? length - 1 - i : i)] as number) + (i >> 5);
    peq[at] = (peq[at] as number) | (1 << (i & 31));
  }
  const offsets = new Int32Array(codes.length);
  codes.forEach((code, i) => {
    offsets[i] = buildRows[code] as number;
    buildRows[code] = 0;
  });
  return { source, length, reversed, blocks, peq, codes: Int32Array.from(codes), offsets, lastShift: (length - 1) & 31 };
}

/**
 * Row offset of every UTF-16 code for the pattern last installed (0 for
 * codes not in it). One flat table makes the per-character lookup a single
 * array read whatever the script; installing a pattern costs only its
 * distinct characters.
 */
const rowTable = new Int32Array(0x10000);
let installed: Pattern | null = null;

function install(p: Pattern): Int32Array {
  if (installed === p) return rowTable;
  if (installed) for (const code of installed.codes) rowTable[code] = 0;
  for (let i = 0; i < p.codes.length; i++) rowTable[p.codes[i] as number] = p.offsets[i] as number;
  installed = p;
  return rowTable;
}

// Quotes, contexts and seams are searched for several times each while one
// annotation is placed; compiling them once per annotation is enough.
const compiled = [new Map<string, Pattern>(), new Map<string, Pattern>()] as const;
const COMPILED_KEEP = 128;

export function compile(source: string, reversed = false): Pattern {
  const cache = compiled[reversed ? 1 : 0];
  const hit = cache.get(source);
  if (hit) return hit;
  const p = build(source, reversed);
  if (cache.size >= COMPILED_KEEP) cache.delete(cache.keys().next().value as string);
  cache.set(source, p);
  return p;
}

let pv = new Int32Array(8);
let mv = new Int32Array(8);
let score = new Int32Array(8);

function ensureBlocks(blocks: number): void {
  if (pv.length >= blocks) return;
  pv = new Int32Array(blocks * 2);
  mv = new Int32Array(blocks * 2);
  score = new Int32Array(blocks * 2);
}

/**
 * One column step of block `b` (Myers' Fig. 8, with Hyyrö's handling of the
 * incoming horizontal delta). Returns the outgoing delta of the block's row
 * `top`: -1, 0 or +1. Branch-free: which way the deltas go is data, and
 * mispredicted branches would cost more than the arithmetic.
 */
function advance(b: number, eqIn: number, hIn: number, top: number): number {
  const p = pv[b] as number;
  const m = mv[b] as number;
  const hInNegative = hIn >>> 31;
  const eq = eqIn | hInNegative;
  const xv = eq | m;
  const xh = ((((eq & p) + p) | 0) ^ p) | eq;
  const ph = m | ~(xh | p);
  const mh = p & xh;
  const shiftedPh = (ph << 1) | ((0 - hIn) >>> 31);
  const shiftedMh = (mh << 1) | hInNegative;
  pv[b] = shiftedMh | ~(xv | shiftedPh);
  mv[b] = shiftedPh & xv;
  return ((ph >>> top) & 1) - ((mh >>> top) & 1);
}

let endAt = new Int32Array(256);
let endErrors = new Int32Array(256);

/** Ends (exclusive offsets) and error counts written by the last `searchEnds`. */
export interface EndList {
  readonly count: number;
  readonly at: Int32Array;
  readonly errors: Int32Array;
}

/**
 * `searchEnds` for a pattern of at most 32 characters: one block, kept in
 * locals, and no cut-off to track (the block is the whole pattern). Returns
 * the number of ends written.
 */
function searchOneBlock(text: string, peq: Int32Array, rows: Int32Array, top: number, m: number, lo: number, hi: number, k: number): number {
  const at = endAt;
  const errors = endErrors;
  let plus = -1;
  let minus = 0;
  let distance = m;
  let count = 0;
  for (let j = lo; j < hi; j++) {
    const eq = peq[rows[text.charCodeAt(j)] as number] as number;
    const xv = eq | minus;
    const xh = ((((eq & plus) + plus) | 0) ^ plus) | eq;
    const ph = minus | ~(xh | plus);
    const mh = plus & xh;
    distance += ((ph >>> top) & 1) - ((mh >>> top) & 1);
    const shiftedPh = ph << 1;
    plus = (mh << 1) | ~(xv | shiftedPh);
    minus = shiftedPh & xv;
    if (distance <= k) {
      at[count] = j + 1;
      errors[count++] = distance;
    }
  }
  return count;
}

/**
 * Every end position `e` in (from, to] at which some substring of
 * text[from, e) is within `maxErrors` edits of the pattern, with the least
 * such number of edits, in increasing order. The arrays are reused by the
 * next call.
 */
export function searchEnds(text: string, p: Pattern, from: number, to: number, maxErrors: number): EndList {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const m = p.length;
  const k = Math.min(maxErrors, m);
  let count = 0;
  if (m === 0 || k < 0 || hi <= lo) return { count, at: endAt, errors: endErrors };
  const last = p.blocks - 1;
  ensureBlocks(p.blocks);
  const P = pv;
  const M = mv;
  const S = score;
  const { peq, lastShift } = p;
  const rows = install(p);
  if (endAt.length < hi - lo) {
    endAt = new Int32Array(2 * (hi - lo));
    endErrors = new Int32Array(2 * (hi - lo));
  }
  if (last === 0) return { count: searchOneBlock(text, peq, rows, lastShift, m, lo, hi, k), at: endAt, errors: endErrors };
  const at = endAt;
  const errors = endErrors;
  const lastHeight = m - last * W;
  // Blocks 0..y are computed; the ones below cannot be within the budget.
  let y = Math.max(0, Math.ceil(k / W) - 1);
  for (let b = 0; b <= y; b++) {
    P[b] = -1;
    M[b] = 0;
    S[b] = (b + 1) * W;
  }
  if (y === last) S[last] = m;
  for (let j = lo; j < hi; j++) {
    const row = rows[text.charCodeAt(j)] as number;
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      // advance(), written out: this loop is where searching spends its time.
      const pb = P[b] as number;
      const mb = M[b] as number;
      const negative = carry >>> 31;
      const eq = (peq[row + b] as number) | negative;
      const xv = eq | mb;
      const xh = ((((eq & pb) + pb) | 0) ^ pb) | eq;
      const ph = mb | ~(xh | pb);
      const mh = pb & xh;
      const shiftedPh = (ph << 1) | ((0 - carry) >>> 31);
      const shiftedMh = (mh << 1) | negative;
      P[b] = shiftedMh | ~(xv | shiftedPh);
      M[b] = shiftedPh & xv;
      // Only the last block's top row lies below bit 31.
      carry = b === last ? ((ph >>> lastShift) & 1) - ((mh >>> lastShift) & 1) : (ph >>> 31) - (mh >>> 31);
      S[b] = (S[b] as number) + carry;
    }
    if ((S[y] as number) - carry <= k && y < last && (((peq[row + y + 1] as number) & 1) !== 0 || carry < 0)) {
      y++;
      P[y] = -1;
      M[y] = 0;
      S[y] = (S[y - 1] as number) + (y === last ? lastHeight : W) - carry + advance(y, peq[row + y] as number, carry, y === last ? lastShift : 31);
    } else {
      while (y > 0 && (S[y] as number) >= k + W) y--;
    }
    if (y === last && (S[y] as number) <= k) {
      at[count] = j + 1;
      errors[count++] = S[y] as number;
    }
  }
  return { count, at, errors };
}

let columns = new Int32Array(256);

/**
 * Edit distances between the pattern and the `count` characters of `text`
 * read from `start` in direction `dir` (+1: text[start], text[start + 1], …;
 * -1: text[start - 1], text[start - 2], …), taken 0, 1, …, `count` at a
 * time: entry n of the result is the distance to the first n of them. With
 * `floating`, the pattern may instead match any substring ending there (its
 * start is free). The array is reused by the next call.
 */
export function prefixDistances(p: Pattern, text: string, start: number, count: number, dir: 1 | -1, floating: boolean): Int32Array {
  const n = Math.max(0, Math.min(count, dir > 0 ? text.length - start : start));
  if (columns.length < n + 1) columns = new Int32Array(2 * (n + 1));
  const m = p.length;
  columns[0] = m;
  if (m === 0) {
    for (let i = 1; i <= n; i++) columns[i] = floating ? 0 : i;
    return columns;
  }
  const last = p.blocks - 1;
  const peq = p.peq;
  const rows = install(p);
  const hIn = floating ? 0 : 1;
  const out = columns;
  let d = m;
  if (last === 0) {
    // One block (a context, a short quote), kept in locals: advance() written out.
    const top = p.lastShift;
    let plus = -1;
    let minus = 0;
    for (let i = 1; i <= n; i++) {
      const eq = peq[rows[text.charCodeAt(dir > 0 ? start + i - 1 : start - i)] as number] as number;
      const xv = eq | minus;
      const xh = ((((eq & plus) + plus) | 0) ^ plus) | eq;
      const ph = minus | ~(xh | plus);
      const mh = plus & xh;
      d += ((ph >>> top) & 1) - ((mh >>> top) & 1);
      const shiftedPh = (ph << 1) | hIn;
      plus = (mh << 1) | ~(xv | shiftedPh);
      minus = shiftedPh & xv;
      out[i] = d;
    }
    return out;
  }
  ensureBlocks(p.blocks);
  const P = pv;
  const M = mv;
  for (let b = 0; b <= last; b++) {
    P[b] = -1;
    M[b] = 0;
  }
  const lastShift = p.lastShift;
  for (let i = 0; i < n; i++) {
    const row = rows[text.charCodeAt(dir > 0 ? start + i : start - 1 - i)] as number;
    let carry = hIn;
    for (let b = 0; b <= last; b++) {
      // advance(), written out, as in searchEnds.
      const pb = P[b] as number;
      const mb = M[b] as number;
      const negative = carry >>> 31;
      const eq = (peq[row + b] as number) | negative;
      const xv = eq | mb;
      const xh = ((((eq & pb) + pb) | 0) ^ pb) | eq;
      const ph = mb | ~(xh | pb);
      const mh = pb & xh;
      const shiftedPh = (ph << 1) | ((0 - carry) >>> 31);
      P[b] = ((mh << 1) | negative) | ~(xv | shiftedPh);
      M[b] = shiftedPh & xv;
      carry = b === last ? ((ph >>> lastShift) & 1) - ((mh >>> lastShift) & 1) : (ph >>> 31) - (mh >>> 31);
    }
    d += carry;
    out[i + 1] = d;
  }
  return out;
}

/**
 * The least of `prefixDistances`: how far the pattern is from the text read
 * from `start` in direction `dir`, its far end free (within `count`
 * characters).
 */
export function bestPrefixDistance(p: Pattern, text: string, start: number, count: number, dir: 1 | -1, floating: boolean): number {
  const n = Math.max(0, Math.min(count, dir > 0 ? text.length - start : start));
  const distances = prefixDistances(p, text, start, n, dir, floating);
  let best = p.length;
  for (let i = 0; i <= n; i++) if ((distances[i] as number) < best) best = distances[i] as number;
  return best;
}
