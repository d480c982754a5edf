import { listArticleAnnotationsBody } from "@/lib/annotations/list-article-annotations";
import { getViewer } from "@/lib/auth/get-viewer";
import { notFound } from "@/lib/api/errors";
import { handleRoute } from "@/lib/http/route-handler";
import { articleSlugSchema } from "@/lib/api/articles";

/** The annotations of an article the viewer may see listed: their own and public ones (ArticleAnnotationsResponse). */
export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!articleSlugSchema.safeParse(slug).success) throw notFound();
  const body = await listArticleAnnotationsBody({ viewer: await getViewer(), slug });
  if (body === null) throw notFound();
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });
});
