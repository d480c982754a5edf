/**
 * The JSON shape of an annotation between the API and the reader's client.
 * Shared by route handlers (which build it) and components (which render it).
 */
export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink", "purple"] as const;
export type HighlightColorName = (typeof HIGHLIGHT_COLORS)[number];

export const VISIBILITIES = ["private", "link", "public"] as const;
export type VisibilityName = (typeof VISIBILITIES)[number];

export const NOTE_MAX_LENGTH = 10_000;
export const QUOTE_MAX_LENGTH = 5_000;
export const QUOTE_CONTEXT_LENGTH = 32;

export interface AnnotationDto {
  id: string;
  articleSlug: string;
  color: HighlightColorName;
  /** Markdown source, or null for a plain highlight. */
  note: string | null;
  visibility: VisibilityName;
  quote: { exact: string; prefix: string; suffix: string };
  /** Offsets into the article's current canonical text; null when detached (the text it pointed at is gone). */
  position: { start: number; end: number } | null;
  author: { id: string; name: string };
  /** True when the viewer wrote it (and so may change it). */
  isOwn: boolean;
  createdAt: string;
  updatedAt: string;
  /** 1 when created, one more after every change; send it back as PATCH's `baseVersion`. */
  version: number;
}

/** POST /api/annotations */
export interface CreateAnnotationInput {
  /** UUID v4 chosen by the client: a retried create makes one annotation. */
  id: string;
  articleSlug: string;
  color: HighlightColorName;
  note?: string | null;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/** PATCH /api/annotations/{id} */
export interface UpdateAnnotationInput {
  note?: string | null;
  color?: HighlightColorName;
  visibility?: VisibilityName;
  /**
   * The `version` this change was made on. When the annotation has changed
   * since, the answer is 409 `version_conflict` with the current annotation
   * (unless it already holds exactly these changes: then 200, so a retried
   * PATCH is harmless). Without it, the change applies to whatever is there.
   */
  baseVersion?: number;
}

/**
 * GET /api/articles/{slug}/annotations. (Added with the API: an envelope, so
 * article-level fields can join later without breaking clients.) POST, PATCH
 * and GET /api/annotations/{id} answer with a bare AnnotationDto.
 */
export interface ArticleAnnotationsResponse {
  annotations: AnnotationDto[];
}
