import type { AnnotationDto, CreateAnnotationInput } from "@/lib/api/annotations";
import { anchorText, describeTextRange } from "@/lib/anchoring";

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
}

type Located = { start: number; end: number } | null;

/**
 * Places every annotation in the article text the page shows. The stored
 * position is trusted when the text there still reads as the quote (the
 * common case: a string comparison); otherwise the quote is searched for,
 * which covers a cached page older than the server's re-anchored offsets.
 * Results are remembered per annotation object, so an update re-anchors
 * only the annotations that changed.
 */
export function createAnnotationAnchorer(text: string) {
  const cache = new WeakMap<AnnotationDto, Located>();

  function locate(annotation: AnnotationDto): Located {
    const match = anchorText(text, annotation);
    return match ? { start: match.start, end: match.end } : null;
  }

  return function anchorAnnotations(annotations: readonly AnnotationDto[]): AnchoringResult {
    const anchored: AnchoredAnnotation[] = [];
    const detached: AnnotationDto[] = [];
    for (const annotation of annotations) {
      let located = cache.get(annotation);
      if (located === undefined) {
        located = locate(annotation);
        cache.set(annotation, located);
      }
      if (located) anchored.push({ annotation, start: located.start, end: located.end });
      else detached.push(annotation);
    }
    anchored.sort((a, b) => a.start - b.start || b.end - a.end);
    detached.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { anchored, detached };
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
