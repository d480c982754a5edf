export type {
  AnchorItem,
  AnchorMatch,
  AnnotationSelectors,
  QuoteQuery,
  TextOffsets,
  TextPositionSelector,
  TextQuoteSelector,
} from "./types";
export { matchQuote } from "./match-quote";
export { describe, describeTextRange, CONTEXT_LENGTH } from "./describe";
export { anchor, anchorText } from "./anchor";
export { positionHolds } from "./position-holds";
export { anchorAll } from "./anchor-all";
export { rangeToTextOffsets, textOffsetsToRange, textContentOf } from "./text-position";
export { TextNodeIndex, type TextPoint } from "./text-node-index";
export { reanchorText, anchorImported } from "./reanchor-text";
