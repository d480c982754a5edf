import type { AnnotationDto } from "@/lib/annotations/annotation-dto";

/** One annotation in the reader's notebook: the annotation and the article it belongs to. */
export interface NotebookEntry extends AnnotationDto {
  article: { slug: string; title: string; byline: string | null };
}

/** GET /api/annotations */
export interface NotebookPage {
  annotations: NotebookEntry[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** GET /api/tags */
export interface TagCount {
  name: string;
  count: number;
}
