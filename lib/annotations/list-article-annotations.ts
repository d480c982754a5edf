import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { annotationListedTo } from "./annotation-access";
import type { AnnotationDto } from "./annotation-dto";
import { annotationDtoSelect, toAnnotationDto } from "./to-annotation-dto";

export interface ListArticleAnnotationsOptions {
  viewer: Viewer | null;
  slug: string;
}

/**
 * The annotations of an article that `viewer` may see listed (their own and
 * public ones), in reading order with detached ones last; null if there is no
 * such article. One Prisma query: this runs on every article view.
 */
export async function listArticleAnnotations({ viewer, slug }: ListArticleAnnotationsOptions): Promise<AnnotationDto[] | null> {
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      annotations: {
        where: annotationListedTo(viewer),
        select: annotationDtoSelect,
        orderBy: [{ start: { sort: "asc", nulls: "last" } }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  return article ? article.annotations.map((row) => toAnnotationDto({ row, articleSlug: slug, viewer })) : null;
}
