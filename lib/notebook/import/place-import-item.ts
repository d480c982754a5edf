import { describeTextRange, matchQuote } from "@/lib/anchoring";
import type { ImportItem } from "./import-item";

export interface PlacedQuote {
  quote: { exact: string; prefix: string; suffix: string };
  /** Null when the passage is not in the article's text (kept as detached). */
  position: { start: number; end: number } | null;
}

/**
 * Where an imported annotation sits in the article's current text: its
 * position if the quote is still there, else wherever the anchoring engine
 * finds the quote (the old position as a hint), else nowhere. Placed quotes
 * get their context from the text, as creates do.
 */
export function placeImportItem(item: ImportItem, text: string): PlacedQuote {
  const { exact, prefix, suffix } = item.quote;
  const held = item.position !== null && text.slice(item.position.start, item.position.end) === exact ? item.position : null;
  const found = held ?? matchQuote(text, { exact, prefix, suffix }, item.position?.start);
  if (!found) return { quote: item.quote, position: null };
  const described = describeTextRange(text, found.start, found.end);
  return {
    quote: { exact: described.quote.exact, prefix: described.quote.prefix ?? "", suffix: described.quote.suffix ?? "" },
    position: { start: found.start, end: found.end },
  };
}
