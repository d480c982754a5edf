import { matchQuote } from "./match-quote";
import { positionHolds } from "./position-holds";
import { textContentOf, textOffsetsToRange } from "./text-position";
import type { AnchorItem, AnchorMatch } from "./types";

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
