/**
 * Context comparison. A prefix is compared with the text that ends where a
 * candidate starts, a suffix with the text that starts where it ends. The far
 * end of the context is left free, so a word inserted next to the quote costs
 * only its own length and does not shift every later character into an error.
 */

import { bestPrefixDistance, compile } from "./myers";

/**
 * A side of context with more than this share of it edited is unrelated
 * text, no edited copy of the passage's own (unrelated English passages
 * read below 0.5 similarity: see MIN_WORST_SIDE in candidates.ts).
 */
export const UNRELATED_SIDE = 0.5;

/** Extra text examined beyond the context's length, to absorb insertions. */
const SLACK = 16;

/** Edits between `prefix` and the text just before `start` (its far end free). */
export function prefixErrors(text: string, start: number, prefix: string): number {
  if (prefix.length === 0 || text.endsWith(prefix, start)) return 0;
  return bestPrefixDistance(compile(prefix, true), text, start, prefix.length + SLACK, -1, false);
}

/** Edits between `suffix` and the text just after `end` (its far end free). */
export function suffixErrors(text: string, end: number, suffix: string): number {
  if (suffix.length === 0 || text.startsWith(suffix, end)) return 0;
  return bestPrefixDistance(compile(suffix), text, end, suffix.length + SLACK, 1, false);
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
    const errors = bestPrefixDistance(compile(prefix, true), text, start, prefix.length + FLOATING_SLACK, -1, true);
    worst = Math.min(worst, 1 - errors / prefix.length);
  }
  if (suffix.length >= MIN_FLOATING_SIDE && 1 - plain.suffixErrors / suffix.length <= plain.worstSide) {
    const errors = bestPrefixDistance(compile(suffix), text, end, suffix.length + FLOATING_SLACK, 1, true);
    worst = Math.min(worst, 1 - errors / suffix.length);
  }
  return worst;
}

export function contextScore(text: string, start: number, end: number, fullPrefix: string, fullSuffix: string): ContextScore {
  // Context beyond the text's edges (a passage now opening or closing the
  // text) has nothing to be compared with: it is no evidence either way.
  const prefix = fullPrefix.length > start ? fullPrefix.slice(fullPrefix.length - start) : fullPrefix;
  const suffix = fullSuffix.length > text.length - end ? fullSuffix.slice(0, Math.max(0, text.length - end)) : fullSuffix;
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
