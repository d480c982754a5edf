import type { AnnotationDto, CreateAnnotationInput } from "@/lib/api/annotations";
import { describeTextRange, positionHolds, type AnchorItem, type AnchorMatch } from "@/lib/anchoring";

export interface AnchoredAnnotation {
  annotation: AnnotationDto;
  start: number;
  end: number;
}

export interface AnchoringResult {
  /** In document order: by start, the longer of two that start together first. */
  anchored: AnchoredAnnotation[];
  /** The passage they pointed at is gone from the text. */
  detached: AnnotationDto[];
  /** Some stored positions no longer hold their quote and there is no QuoteFinder yet: those annotations are in neither list. */
  needsFinder: boolean;
}

/** The engine's search for a quote whose stored position no longer holds (`anchorText`). */
export type QuoteFinder = (text: string, item: AnchorItem) => AnchorMatch | null;

/**
 * Loads the search: most of lib/anchoring, in a chunk of its own that a
 * reader fetches only when the page's text has moved under a stored
 * position (a cached page older than the server's re-anchored offsets).
 * If the chunk cannot be loaded, those annotations are listed as detached.
 */
export function loadQuoteFinder(): Promise<QuoteFinder> {
  return import("@/lib/anchoring").then(
    (engine) => engine.anchorText,
    (): QuoteFinder => () => null,
  );
}

type Located = { start: number; end: number } | null;

/**
 * Places every annotation in the article text the page shows. The stored
 * position is trusted when the text there still reads as the quote (the
 * common case: a string comparison); otherwise `findQuote` searches for it,
 * which covers a cached page older than the server's re-anchored offsets.
 * Without `findQuote` such annotations wait (`needsFinder`). Results are
 * remembered per annotation object, so an update re-anchors only the
 * annotations that changed.
 */
export function createAnnotationAnchorer(text: string, findQuote?: QuoteFinder) {
  const cache = new WeakMap<AnnotationDto, Located>();

  /**
   * Where the annotation stands, null when nowhere, undefined when only
   * `findQuote` could tell. No position: the server found the passage
   * nowhere in the article's text (lib/annotations), nothing to search for.
   */
  function locate(annotation: AnnotationDto): Located | undefined {
    const { quote, position } = annotation;
    if (!position) return null;
    if (positionHolds(text, quote, position)) return { start: position.start, end: position.end };
    if (!findQuote) return undefined;
    const match = findQuote(text, annotation);
    return match ? { start: match.start, end: match.end } : null;
  }

  return function anchorAnnotations(annotations: readonly AnnotationDto[]): AnchoringResult {
    const anchored: AnchoredAnnotation[] = [];
    const detached: AnnotationDto[] = [];
    let needsFinder = false;
    for (const annotation of annotations) {
      let located = cache.get(annotation);
      if (located === undefined) {
        located = locate(annotation);
        if (located === undefined) {
          needsFinder = true;
          continue;
        }
        cache.set(annotation, located);
      }
      if (located) anchored.push({ annotation, start: located.start, end: located.end });
      else detached.push(annotation);
    }
    anchored.sort((a, b) => a.start - b.start || b.end - a.end);
    // ISO timestamps sort as plain strings (localeCompare would load ICU's collator: lib/format/english-format.ts).
    detached.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    return { anchored, detached, needsFinder };
  };
}

/** The selectors a create sends for [start, end) of the article text: the quote with its context, and the position. */
export function selectorsFor(text: string, start: number, end: number): Pick<CreateAnnotationInput, "quote" | "position"> {
  const { quote } = describeTextRange(text, start, end);
  return { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position: { start, end } };
}

/** Annotations covering `offset`, innermost (shortest) first. */
export function annotationsAt(anchored: readonly AnchoredAnnotation[], offset: number): AnchoredAnnotation[] {
  return anchored
    .filter((item) => item.start <= offset && offset < item.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
