import { contextScore } from "./similarity";
import type { QuoteQuery, TextOffsets } from "./types";

/**
 * Whether a stored position still holds the quote. Equal text is required;
 * context that contradicts it (both sides rewritten) sends the quote through
 * the full matcher instead, because a short quote can reappear at its old
 * offset by coincidence after text before it changed.
 */
export function positionHolds(text: string, quote: QuoteQuery, position: TextOffsets | null | undefined): boolean {
  if (!position) return false;
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) return false;
  if (text.slice(start, end) !== quote.exact) return false;
  const ctx = contextScore(text, start, end, quote.prefix ?? "", quote.suffix ?? "");
  return ctx.similarity === null || ctx.similarity >= 0.5;
}
