/**
 * The baseline the anchoring benchmark holds lib/anchoring against: the
 * algorithm Hypothesis publishes (hypothesis/client,
 * src/annotator/anchoring/match-quote.ts and html.ts), written here from
 * its description over the same library it uses, approx-string-match.
 *
 * - A stored position is used when the text there is still the quote.
 * - Otherwise every place where the quote occurs exactly, or failing that
 *   with at most half its length (at most 256) in edits, is a candidate.
 * - Each candidate is scored 50 × quote similarity + 20 × prefix similarity
 *   + 20 × suffix similarity + 2 × closeness to the old position (one
 *   minus the distance over the text's length), over 92; the highest wins.
 *   A side's similarity is one minus the edits of its best alignment in the
 *   text of its length next to the candidate, over its length.
 */

import search from "approx-string-match";
import type { AnchorMatch, QuoteQuery, TextOffsets } from "../../lib/anchoring";

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_ERRORS = 256;

interface Found {
  start: number;
  end: number;
  errors: number;
}

function occurrences(text: string, pattern: string, maxErrors: number): Found[] {
  const exact: Found[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

/** 1 for a side found intact in `stretch`, 0 for nothing alike (or nothing to compare). */
function sideSimilarity(stretch: string, side: string): number {
  if (side.length === 0 || stretch.length === 0) return 0;
  const best = occurrences(stretch, side, side.length)[0];
  return best ? 1 - best.errors / side.length : 0;
}

export function baselineMatchQuote(text: string, quote: QuoteQuery, hint?: number): AnchorMatch | null {
  const exact = quote.exact;
  if (exact.length === 0) return null;
  const found = occurrences(text, exact, Math.min(MAX_ERRORS, exact.length / 2));
  let best: AnchorMatch | null = null;
  for (const m of found) {
    const prefix = quote.prefix ? sideSimilarity(text.slice(Math.max(0, m.start - quote.prefix.length), m.start), quote.prefix) : 1;
    const suffix = quote.suffix ? sideSimilarity(text.slice(m.end, m.end + quote.suffix.length), quote.suffix) : 1;
    const position = hint === undefined ? 1 : 1 - Math.abs(m.start - hint) / text.length;
    const score =
      (QUOTE_WEIGHT * (1 - m.errors / exact.length) + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

/** The position if it still holds the quote, else the quote searched for with the position as the hint. */
export function baselineAnchor(text: string, quote: QuoteQuery, position?: TextOffsets | null): AnchorMatch | null {
  if (position && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, score: 1 };
  return baselineMatchQuote(text, quote, position?.start);
}
