import { rangeToTextOffsets, textContentOf } from "./text-position";
import { slicePrefix, sliceSuffix } from "./text-utils";
import type { AnnotationSelectors } from "./types";

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Selectors for an already known [start, end) of a text (used by servers and tests). */
export function describeTextRange(text: string, start: number, end: number): AnnotationSelectors {
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(s, e),
      prefix: slicePrefix(text, s, CONTEXT_LENGTH),
      suffix: sliceSuffix(text, e, CONTEXT_LENGTH),
    },
    position: { type: "TextPositionSelector", start: s, end: e },
  };
}

/** Selectors for a DOM range, with offsets into `root`'s text content. */
export function describe(root: Element | Document, range: Range): AnnotationSelectors {
  const { start, end } = rangeToTextOffsets(root, range);
  return describeTextRange(textContentOf(root), start, end);
}
