import { NextResponse } from "next/server";
import { routes } from "@/lib/routes";
import { importArticle } from "@/lib/articles/import-article";
import { withImportErrors } from "@/lib/articles/with-import-errors";
import { requireUser } from "@/lib/auth/get-viewer";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { importArticleSchema } from "@/lib/api/article-imports";

/** Adds an article by link, file or paste: 201 with where to read it, or 200 with the one this link already made. */
export const POST = handleRoute(async (request) => {
  const viewer = await requireUser();
  const input = await parseJsonBody(request, importArticleSchema);
  const stored = await withImportErrors(() => importArticle({ viewer, input }));
  return NextResponse.json({ slug: stored.slug, created: stored.created, path: routes.articleRead(stored) }, { status: stored.created ? 201 : 200, headers: { "Cache-Control": "no-store" } });
});
