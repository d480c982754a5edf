import type { AnnotationDto } from "@/lib/api/annotations";
import { truncateText } from "@/lib/articles/article-stats";
import { hasRightToLeft } from "@/lib/og/og-text";
import { notePlainText } from "./note-plain-text";

/** Lengths that fit a link preview's title and description lines without the site cutting them mid-word. */
export const PREVIEW_QUOTE_MAX = 90;
export const PREVIEW_DESCRIPTION_MAX = 200;

type PreviewAnnotation = Pick<AnnotationDto, "note" | "quote" | "author">;

/** The quote on one line (the passage may span paragraphs). */
export function quoteLine(annotation: Pick<AnnotationDto, "quote">): string {
  return annotation.quote.exact.replace(/\s+/g, " ").trim();
}

/** Right-to-left text set apart (FSI…PDI) so it cannot reorder the English around it. */
function isolate(text: string): string {
  return hasRightToLeft(text) ? `\u2068${text}\u2069` : text;
}

/** “quote…” — a note by NAME on TITLE (a highlight, when there is no note). */
export function sharePreviewTitle(annotation: PreviewAnnotation, articleTitle: string): string {
  const kind = annotation.note ? "a note" : "a highlight";
  const quote = isolate(truncateText(quoteLine(annotation), PREVIEW_QUOTE_MAX));
  return `“${quote}” — ${kind} by ${isolate(annotation.author.name)} on ${isolate(articleTitle)}`;
}

/** The note as plain text, or for a plain highlight the passage itself. */
export function sharePreviewDescription(annotation: PreviewAnnotation): string {
  const note = annotation.note ? notePlainText(annotation.note) : "";
  return note ? truncateText(note, PREVIEW_DESCRIPTION_MAX) : `“${truncateText(quoteLine(annotation), PREVIEW_DESCRIPTION_MAX - 2)}”`;
}
