import { CONTEXT_LENGTH } from "@/lib/anchoring";

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
/** Context stored either side of a quote: what the anchoring engine takes. */
export const QUOTE_CONTEXT_LENGTH = CONTEXT_LENGTH;

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
}

/**
 * GET /api/articles/{slug}/annotations. (Added with the API: an envelope, so
 * article-level fields can join later without breaking clients.) POST, PATCH
 * and GET /api/annotations/{id} answer with a bare AnnotationDto.
 */
export interface ArticleAnnotationsResponse {
  annotations: AnnotationDto[];
}
