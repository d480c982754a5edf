import type { AnnotationDto } from "@/lib/api/annotations";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { isAppError } from "@/lib/api/errors";
import { getArticleBySlug, type ReaderArticle } from "@/lib/articles/get-article-by-slug";
import type { Viewer } from "@/lib/auth/viewer";

export interface SharedNote {
  annotation: AnnotationDto;
  article: ReaderArticle;
}

export interface GetSharedNoteOptions {
  viewer: Viewer | null;
  /** The id from the share link, as typed: anything malformed is simply not found. */
  id: string;
}

/**
 * What a share link (/n/{id}) shows: the annotation, if `viewer` may read it
 * (annotationVisibleTo: the author, or anyone for link and public ones),
 * with its article, if `viewer` may read that (article-access.ts). Null for
 * everything else, so the page, its metadata
 * and its image all answer the same 404 whether or not the note exists.
 */
export async function getSharedNote({ viewer, id }: GetSharedNoteOptions): Promise<SharedNote | null> {
  const annotation = await getAnnotation({ viewer, id }).catch((error: unknown) => {
    if (isAppError(error, "not_found")) return null;
    throw error;
  });
  if (!annotation) return null;
  const article = await getArticleBySlug({ slug: annotation.articleSlug, viewer });
  return article ? { annotation, article } : null;
}
