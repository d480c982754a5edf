/**
 * Selector shapes follow the W3C Web Annotation Data Model so that stored
 * annotations stay interoperable with other annotators.
 */

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  /** UTF-16 offset into the root's text content. */
  start: number;
  end: number;
}

/** What `matchQuote` needs: a quote selector without the `type` tag. */
export interface QuoteQuery {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A located passage; `score` is in [0, 1], 1 = exact with matching context at the hint. */
export interface AnchorMatch {
  start: number;
  end: number;
  score: number;
}

/** Plain offsets into a root's text content. */
export interface TextOffsets {
  start: number;
  end: number;
}

/** What `describe` returns and `anchor` accepts. */
export interface AnnotationSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Input to `anchor`: the quote is required because a position alone cannot be
 * verified; the position is optional (annotations imported from elsewhere may
 * lack it). The `type` tags are not required.
 */
export interface AnchorSelectors {
  quote: QuoteQuery;
  position?: TextOffsets | null;
}

/** One annotation handed to `anchorAll`; `position` refers to the old text. */
export interface AnchorItem {
  quote: QuoteQuery;
  position?: TextOffsets | null;
}
