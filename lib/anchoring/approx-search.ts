/**
 * Approximate occurrences of a pattern within a window of a text.
 */

import { compile, prefixDistances } from "./myers";
import { searchEnds } from "./myers-search";

export interface RawMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The error budget: a quarter of the quote. More than that and the passage is
 * no longer the one that was annotated; it also bounds the search cost.
 */
const MAX_ERROR_RATE = 0.25;

export function maxErrorsFor(length: number): number {
  return Math.floor(length * MAX_ERROR_RATE);
}

/**
 * The start of the occurrence ending at `end` with `errors` edits: of the
 * equally good ones, the longest (a typo on the first character is then
 * part of the match rather than cut off), never before `from`.
 */
function startOf(text: string, pattern: string, end: number, errors: number, from: number): number {
  const reach = Math.min(pattern.length + errors, end - from);
  const distances = prefixDistances(compile(pattern, true), text, end, reach, -1, false, errors);
  let length = 0;
  for (let n = 0; n <= reach; n++) if (distances[n] === errors) length = n;
  return end - length;
}

/**
 * Every distinct approximate occurrence of `pattern` lying within
 * [from, to), with at most `maxErrors` edits. Each occurrence ends at a
 * local minimum of the error count; the ends around it (one character more
 * or less, one error more each) are the same occurrence and are left out.
 * Of equally good ends within half a pattern of each other, the one whose
 * match is closest to the pattern's length is kept.
 */
export function searchApprox(text: string, pattern: string, from: number, to: number, maxErrors: number): RawMatch[] {
  const out: RawMatch[] = [];
  const length = pattern.length;
  const lo = Math.max(0, Math.floor(from));
  const hi = Math.min(text.length, Math.ceil(to));
  if (length === 0 || hi - lo < length - maxErrors) return out;
  const { count, at, errors } = searchEnds(text, compile(pattern), lo, hi, maxErrors);
  const reach = Math.max(1, length >> 1);
  let taken = -Infinity;
  for (let i = 0; i < count; i++) {
    const end = at[i] as number;
    const e = errors[i] as number;
    if (end - taken <= reach) continue;
    let minimum = true;
    for (let j = i - 1; j >= 0 && (at[j] as number) >= end - reach; j--) {
      if ((errors[j] as number) <= e) {
        minimum = false;
        break;
      }
    }
    const tied: number[] = [end];
    for (let j = i + 1; minimum && j < count && (at[j] as number) <= end + reach; j++) {
      if ((errors[j] as number) < e) minimum = false;
      else if (errors[j] === e) tied.push(at[j] as number);
    }
    if (!minimum) continue;
    let best: RawMatch | null = null;
    for (const t of tied) {
      const m = { start: startOf(text, pattern, t, e, lo), end: t, errors: e };
      if (!best || Math.abs(m.end - m.start - length) < Math.abs(best.end - best.start - length)) best = m;
    }
    out.push(best as RawMatch);
    taken = (best as RawMatch).end;
  }
  return out;
}
