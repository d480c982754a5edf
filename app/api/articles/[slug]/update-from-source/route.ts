import { NextResponse } from "next/server";
import { withImportErrors } from "@/lib/articles/with-import-errors";
import { revalidateArticle } from "@/lib/articles/revalidate-article";
import { updateArticleFromSource } from "@/lib/articles/update-article-from-source";
import { requireUser } from "@/lib/auth/get-viewer";
import { notFound } from "@/lib/api/errors";
import { handleRoute } from "@/lib/http/route-handler";
import { articleSlugSchema } from "@/lib/api/articles";

/** Owner only: re-fetch the source, store what it says now, re-anchor every annotation. */
export const POST = handleRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const viewer = await requireUser();
  const { slug } = await params;
  if (!articleSlugSchema.safeParse(slug).success) throw notFound();
  const result = await withImportErrors(() => updateArticleFromSource({ viewer, slug }));
  if (!result) throw notFound();
  if (result.changed) revalidateArticle(slug);
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
});
