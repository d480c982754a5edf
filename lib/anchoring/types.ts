/**
 * Selector shapes follow the W3C Web Annotation Data Model so that stored
 * annotations stay interoperable with other annotators. The engine takes
 * them with or without their `type` tags and returns them tagged.
 */

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  /** UTF-16 offset into the text (a root's text content). */
  start: number;
  end: number;
}

/** A quote selector, its tag optional. */
export type QuoteQuery = Omit<TextQuoteSelector, "type"> & { type?: TextQuoteSelector["type"] };

/** A position selector, its tag optional. */
export type TextOffsets = Omit<TextPositionSelector, "type"> & { type?: TextPositionSelector["type"] };

/**
 * The one item the engine works on: the quote is required because a
 * position alone cannot be verified; the position is optional (annotations
 * imported from elsewhere, or already orphaned, may lack it).
 */
export interface AnchorItem {
  quote: QuoteQuery;
  position?: TextOffsets | null;
}

/** What `describe` and the re-anchoring entry points return: both selectors, tagged. */
export interface AnnotationSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A located passage; `score` is in [0, 1], 1 = exact with matching context at the hint. */
export interface AnchorMatch {
  start: number;
  end: number;
  score: number;
}
