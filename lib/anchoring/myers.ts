/**
 * Myers' bit-parallel edit distance (G. Myers, "A fast bit-vector algorithm
 * for approximate string matching based on dynamic programming", J. ACM
 * 46(3), 1999), in blocks of 32 pattern characters: compiled patterns, and
 * the distances of a pattern to the text read from a point (the search for
 * every place a pattern ends is in myers-search.ts). Ukkonen's cut-off keeps
 * both to the blocks that can still be within an error budget.
 *
 * Our own rather than a library's because anchoring runs thousands of small
 * searches per article: a compiled pattern is reused across searches, the
 * text is read in place (no slices or reversed copies), every end position
 * with its error count comes out of one pass (a library that reports only
 * the best ones needs a search per runner-up), and scratch arrays are reused.
 */

export const W = 32;

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

export function install(p: Pattern): Int32Array {
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

export interface BlockScratch {
  /** Per block: the +1 and -1 vertical deltas (Myers' Pv, Mv) and the score of its last row. */
  readonly plus: Int32Array;
  readonly minus: Int32Array;
  readonly score: Int32Array;
}

let scratch: BlockScratch = { plus: new Int32Array(8), minus: new Int32Array(8), score: new Int32Array(8) };

/** Scratch arrays for `blocks` blocks, reused by every computation (here and in myers-search.ts). */
export function blockScratch(blocks: number): BlockScratch {
  if (scratch.plus.length < blocks) scratch = { plus: new Int32Array(blocks * 2), minus: new Int32Array(blocks * 2), score: new Int32Array(blocks * 2) };
  return scratch;
}

let columns = new Int32Array(256);

/**
 * Edit distances between the pattern and the `count` characters of `text`
 * read from `start` in direction `dir` (+1: text[start], text[start + 1], …;
 * -1: text[start - 1], text[start - 2], …), taken 0, 1, …, `count` at a
 * time: entry n of the result is the distance to the first n of them. With
 * `floating`, the pattern may instead match any substring ending there (its
 * start is free). Without, only distances up to `maxErrors` may be asked for:
 * larger ones are then only known to be larger. The array is reused by the
 * next call.
 */
export function prefixDistances(p: Pattern, text: string, start: number, count: number, dir: 1 | -1, floating: boolean, maxErrors = Infinity): Int32Array {
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
    // One block (a context, a short quote), kept in locals: the block step (myers-search.ts, advance) written out.
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
  const { plus: P, minus: M } = blockScratch(p.blocks);
  const lastShift = p.lastShift;
  // Ukkonen's band: row r of column i is at least |r - i| edits, so with a
  // budget only the rows within it of the diagonal are computed. A block
  // joins when the band reaches its first row (its column taken as its top
  // row's value plus one per row) and leaves once the band has passed its
  // last; the rows it leaves feed +1 a column to the block below, as the
  // text's own top row does. Both only overstate distances beyond the budget.
  // (Without one, a band wider than pattern and text keeps every block.)
  const k = floating || maxErrors > m + n ? m + n : maxErrors;
  let first = 0;
  let below = Math.min(last, Math.floor(Math.max(0, k - 1) / W));
  // The score of the lowest block's last row.
  let lowest = Math.min(m, W * (below + 1));
  for (let b = 0; b <= below; b++) {
    P[b] = -1;
    M[b] = 0;
  }
  for (let i = 1; i <= n; i++) {
    while (below < last && W * (below + 1) < i + k) {
      below++;
      P[below] = -1;
      M[below] = 0;
      lowest += below === last ? m - last * W : W;
    }
    while (first < below && W * (first + 1) < i - k) first++;
    const row = rows[text.charCodeAt(dir > 0 ? start + i - 1 : start - i)] as number;
    let carry = first === 0 ? hIn : 1;
    for (let b = first; b <= below; b++) {
      // The block step (myers-search.ts, advance), written out.
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
    lowest += carry;
    out[i] = below === last ? lowest : Math.max(m - i, k + 1);
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
