import { matchQuote } from "./match-quote";
import { contextScore } from "./similarity";
import { textContentOf, textOffsetsToRange } from "./text-position";
import type { AnchorItem, AnchorMatch, QuoteQuery, TextOffsets } from "./types";

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

/**
 * Where one annotation stands in `text`: its position if that still holds
 * the quote, else wherever `matchQuote` finds it (the old position as the
 * hint), else null (an orphan).
 */
export function anchorText(text: string, { quote, position }: AnchorItem): AnchorMatch | null {
  if (position && positionHolds(text, quote, position)) return { start: position.start, end: position.end, score: 1 };
  return matchQuote(text, quote, position?.start);
}

/** `anchorText` on the DOM under `root`: a Range, or null. */
export function anchor(root: Element | Document, item: AnchorItem): Range | null {
  const match = anchorText(textContentOf(root), item);
  return match ? textOffsetsToRange(root, match.start, match.end) : null;
}
