/**
 * Context comparison. A prefix is compared with the text that ends where a
 * candidate starts, a suffix with the text that starts where it ends. The far
 * end of the context is left free, so a word inserted next to the quote costs
 * only its own length and does not shift every later character into an error.
 */

/** Extra text examined beyond the context's length, to absorb insertions. */
const SLACK = 16;

let row = new Int32Array(256);

/**
 * Edit distance between `a` and the best-matching prefix of `b` (or, when
 * `backwards`, between the reversed strings: `a` anchored at the end of `b`).
 * With `floating`, `a` may instead match any substring of `b`: text inserted
 * between the quote and its context is then free.
 */
export function anchoredDistance(a: string, b: string, backwards: boolean, floating = false): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return 0;
  if (n === 0) return m;
  if (row.length < n + 1) row = new Int32Array(2 * (n + 1));
  for (let j = 0; j <= n; j++) row[j] = floating ? 0 : j;
  let best = m;
  for (let i = 1; i <= m; i++) {
    const ca = backwards ? a.charCodeAt(m - i) : a.charCodeAt(i - 1);
    let diag = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cb = backwards ? b.charCodeAt(n - j) : b.charCodeAt(j - 1);
      const up = row[j] as number;
      const left = row[j - 1] as number;
      let v = diag + (ca === cb ? 0 : 1);
      if (up + 1 < v) v = up + 1;
      if (left + 1 < v) v = left + 1;
      diag = up;
      row[j] = v;
    }
    if (i === m) {
      for (let j = 0; j <= n; j++) {
        const v = row[j] as number;
        if (v < best) best = v;
      }
    }
  }
  return best;
}

/** Number of edits between `prefix` and the text just before `start`. */
export function prefixErrors(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return 0;
  const from = Math.max(0, start - prefix.length - SLACK);
  const before = text.slice(from, start);
  if (before.endsWith(prefix)) return 0;
  return anchoredDistance(prefix, before, true);
}

/** Number of edits between `suffix` and the text just after `end`. */
export function suffixErrors(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return 0;
  const after = text.slice(end, end + suffix.length + SLACK);
  if (after.startsWith(suffix)) return 0;
  return anchoredDistance(suffix, after, false);
}

export interface ContextScore {
  /** Combined similarity in [0, 1], weighted by side length; null without context. */
  similarity: number | null;
  /** Similarity of the better side (how strongly at least one side agrees). */
  bestSide: number;
  /** Similarity of the worse side present (1 without context). */
  worstSide: number;
  /** Total edits over both sides. */
  errors: number;
  /** The same, side by side. */
  prefixErrors: number;
  suffixErrors: number;
}

/** Sides shorter than this (the text's very start or end) say too little to judge. */
const MIN_FLOATING_SIDE = 8;
/** Text inserted next to the quote (a word, a sentence) that floating comparison looks past. */
const FLOATING_SLACK = 128;

/**
 * Similarity of the worse side of context when text inserted right next to
 * the quote (a word, a sentence) is not counted: what is left is context
 * rewritten, not pushed aside.
 */
export function floatingWorstSide(text: string, start: number, end: number, prefix: string, suffix: string, plain: ContextScore): number {
  let worst = 1;
  // A side already as good as the plain worse side cannot be the worse one.
  if (prefix.length >= MIN_FLOATING_SIDE && 1 - plain.prefixErrors / prefix.length <= plain.worstSide) {
    const before = text.slice(Math.max(0, start - prefix.length - FLOATING_SLACK), start);
    worst = Math.min(worst, 1 - anchoredDistance(prefix, before, true, true) / prefix.length);
  }
  if (suffix.length >= MIN_FLOATING_SIDE && 1 - plain.suffixErrors / suffix.length <= plain.worstSide) {
    const after = text.slice(end, end + suffix.length + FLOATING_SLACK);
    worst = Math.min(worst, 1 - anchoredDistance(suffix, after, false, true) / suffix.length);
  }
  return worst;
}

export function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): ContextScore {
  const total = prefix.length + suffix.length;
  if (total === 0) return { similarity: null, bestSide: 0, worstSide: 1, errors: 0, prefixErrors: 0, suffixErrors: 0 };
  const pe = prefixErrors(text, start, prefix);
  const se = suffixErrors(text, end, suffix);
  const ps = prefix.length ? 1 - pe / prefix.length : null;
  const ss = suffix.length ? 1 - se / suffix.length : null;
  return {
    similarity: 1 - (pe + se) / total,
    bestSide: Math.max(ps ?? 0, ss ?? 0),
    worstSide: Math.min(ps ?? 1, ss ?? 1),
    errors: pe + se,
    prefixErrors: pe,
    suffixErrors: se,
  };
}
