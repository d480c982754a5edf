/**
 * Every place a pattern ends with few enough edits in a stretch of text:
 * Myers' bit-parallel search (myers.ts) with Ukkonen's cut-off, so that only
 * the blocks of the pattern that can still be within the budget are
 * computed. The search that finds candidates and copies spends its time here.
 */

import { W as BLOCK, blockScratch, install, type Pattern } from "./myers";

/** Pattern characters per block, read once (an imported binding is read anew on every use). */
const W = BLOCK;

/**
 * One column step of block `b` (Myers' Fig. 8, with Hyyrö's handling of the
 * incoming horizontal delta). Returns the outgoing delta of the block's row
 * `top`: -1, 0 or +1. Branch-free: which way the deltas go is data, and
 * mispredicted branches would cost more than the arithmetic.
 */
function advance(pv: Int32Array, mv: Int32Array, b: number, eqIn: number, hIn: number, top: number): number {
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
  const { plus: P, minus: M, score: S } = blockScratch(p.blocks);
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
      S[y] = (S[y - 1] as number) + (y === last ? lastHeight : W) - carry + advance(P, M, y, peq[row + y] as number, carry, y === last ? lastShift : 31);
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

