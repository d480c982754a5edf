import { NextResponse } from "next/server";
import type { ArticleAnnotationsResponse } from "@/lib/annotations/annotation-dto";
import { listArticleAnnotations } from "@/lib/annotations/list-article-annotations";
import { getViewer } from "@/lib/auth/get-viewer";
import { handleRoute, notFound } from "@/lib/http/route-handler";
import { articleSlugSchema } from "@/lib/validation/article-slug-schema";

/** The annotations of an article the viewer may see listed: their own and public ones. */
export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!articleSlugSchema.safeParse(slug).success) throw notFound();
  const annotations = await listArticleAnnotations({ viewer: await getViewer(), slug });
  if (!annotations) throw notFound();
  return NextResponse.json({ annotations } satisfies ArticleAnnotationsResponse, {
    headers: { "Cache-Control": "private, no-store" },
  });
});
