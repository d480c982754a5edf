import { anchorImported } from "@/lib/anchoring";
import type { ImportItem } from "./import-item";

export interface PlacedQuote {
  quote: { exact: string; prefix: string; suffix: string };
  /** Null when the passage is not in the article's text (kept as detached). */
  position: { start: number; end: number } | null;
}

/**
 * Where an imported annotation sits in the article's current text, found by
 * the anchoring engine's import door (`anchorImported`: its position if the
 * quote still stands there, else the quote searched for with its context).
 * Placed quotes get fresh context from the text, as creates do; an
 * unplaced one keeps what it came with and is stored detached.
 */
export function placeImportItem(item: ImportItem, text: string): PlacedQuote {
  const [placed] = anchorImported(text, [{ quote: item.quote, position: item.position }]);
  if (!placed) return { quote: item.quote, position: null };
  const { quote, position } = placed;
  return {
    quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
    position: { start: position.start, end: position.end },
  };
}
