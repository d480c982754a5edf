import { NextResponse } from "next/server";
import { revalidateArticle } from "@/lib/articles/revalidate-article";
import { deleteOwnArticle, getOwnArticle, setArticleVisibility } from "@/lib/articles/manage-own-article";
import { requireUser } from "@/lib/auth/get-viewer";
import { notFound } from "@/lib/api/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { articleSlugSchema } from "@/lib/api/articles";
import { updateArticleSchema } from "@/lib/api/article-imports";

interface Context {
  params: Promise<{ slug: string }>;
}

const NO_STORE = { "Cache-Control": "private, no-store" };

async function ownSlug(context: Context): Promise<string> {
  const { slug } = await context.params;
  if (!articleSlugSchema.safeParse(slug).success) throw notFound();
  return slug;
}

/** The owner's view of an imported article (visibility, source, annotation count); 404 to anyone else. */
export const GET = handleRoute(async (_request: Request, context: Context) => {
  const viewer = await requireUser();
  const details = await getOwnArticle({ viewer, slug: await ownSlug(context) });
  if (!details) throw notFound();
  return NextResponse.json(details, { headers: NO_STORE });
});

/** Owner only: `visibility` "private" | "public". */
export const PATCH = handleRoute(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const slug = await ownSlug(context);
  const { visibility } = await parseJsonBody(request, updateArticleSchema);
  const details = await setArticleVisibility({ viewer, slug, visibility });
  if (!details) throw notFound();
  revalidateArticle(slug);
  return NextResponse.json(details, { headers: NO_STORE });
});

/** Owner only: the article and every annotation on it. */
export const DELETE = handleRoute(async (_request: Request, context: Context) => {
  const viewer = await requireUser();
  const slug = await ownSlug(context);
  const deleted = await deleteOwnArticle({ viewer, slug });
  if (!deleted) throw notFound();
  revalidateArticle(slug);
  return new Response(null, { status: 204 });
});
