/**
 * Where a found quote begins and ends, judged together with its context.
 *
 * The search aligns the quote alone, and with edits near its ends several
 * boundaries cost the quote about the same: the one it reports can cut a
 * word off or swallow an inserted one ("that works as |trademarks far…").
 * Context compared from a wrong boundary looks rewritten, and the passage
 * itself then loses to a look-alike with intact context nearby. So the ends
 * are chosen to minimize quote and context edits together: the end first
 * (the quote read on from the found start, then the suffix), then the start
 * (the quote read back from that end, then the prefix).
 */

import type { RawMatch } from "./approx-search";
import { compile, prefixDistances } from "./myers";
import type { PreparedQuote } from "./prepare-quote";

/** Text beyond a context's length that its far end may use (as in similarity.ts). */
const SLACK = 16;

/** Edits of `suffix` starting at each offset from..to (entry i: from + i), its far end free. */
function suffixErrorsAt(text: string, suffix: string, from: number, to: number): Int32Array {
  const out = new Int32Array(to - from + 1);
  if (suffix.length === 0) return out;
  // Read backwards from beyond `to`, a floating search of the reversed suffix
  // gives, for each place it could start, its best alignment ending anywhere.
  const far = Math.min(text.length, to + suffix.length + SLACK);
  const distances = prefixDistances(compile(suffix, true), text, far, far - from, -1, true);
  for (let i = 0; i < out.length; i++) out[i] = distances[far - from - i] as number;
  return out;
}

/** Edits of `prefix` ending at each offset from..to (entry i: from + i), its far end free. */
function prefixErrorsAt(text: string, prefix: string, from: number, to: number): Int32Array {
  const out = new Int32Array(to - from + 1);
  if (prefix.length === 0) return out;
  const near = Math.max(0, from - prefix.length - SLACK);
  const distances = prefixDistances(compile(prefix), text, near, to - near, 1, true);
  for (let i = 0; i < out.length; i++) out[i] = distances[from - near + i] as number;
  return out;
}

/**
 * Of `span + 1` options, the one with the fewest quote plus context edits
 * and the quote within budget, nearest to `preferred` on a tie; -1 if none.
 */
function cheapest(quote: ArrayLike<number>, context: Int32Array, span: number, preferred: number, maxErrors: number): number {
  let best = -1;
  let bestCost = Infinity;
  for (let n = 0; n <= span; n++) {
    if ((quote[n] as number) > maxErrors) continue;
    const cost = (quote[n] as number) + (context[n] as number);
    if (cost < bestCost || (cost === bestCost && Math.abs(n - preferred) < Math.abs(best - preferred))) {
      best = n;
      bestCost = cost;
    }
  }
  return best;
}

export function refineBoundaries(text: string, pq: PreparedQuote, raw: RawMatch, maxErrors: number): RawMatch {
  const quote = pq.nExact;
  if (raw.errors === 0 || (pq.nPrefix.length === 0 && pq.nSuffix.length === 0)) return raw;
  const reach = quote.length + maxErrors;

  const forward = Math.min(reach, text.length - raw.start);
  const onward = prefixDistances(compile(quote), text, raw.start, forward, 1, false, maxErrors).slice(0, forward + 1);
  const suffix = suffixErrorsAt(text, pq.nSuffix, raw.start, raw.start + forward);
  const ending = cheapest(onward, suffix, forward, raw.end - raw.start, maxErrors);
  if (ending < 0) return raw;
  const end = raw.start + ending;

  const backward = Math.min(reach, end);
  const back = prefixDistances(compile(quote, true), text, end, backward, -1, false, maxErrors).slice(0, backward + 1);
  // Entry n of `back` is the quote starting n characters before the end.
  const prefix = prefixErrorsAt(text, pq.nPrefix, end - backward, end).reverse();
  const length = cheapest(back, prefix, backward, end - raw.start, maxErrors);
  return length < 0 ? raw : { start: end - length, end, errors: back[length] as number };
}
