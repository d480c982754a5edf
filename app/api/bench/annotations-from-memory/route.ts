import { NextResponse } from "next/server";
import { listArticleAnnotationsBody } from "@/lib/annotations/list-article-annotations";
import { getViewer } from "@/lib/auth/get-viewer";
import { notFound } from "@/lib/api/errors";
import { handleRoute } from "@/lib/http/route-handler";
import { articleSlugSchema } from "@/lib/api/articles";
import { serverEnv } from "@/lib/env";

/**
 * The yardstick of `npm run bench`: the same JSON as the annotation list,
 * computed once and then served from memory, so the benchmark can tell what
 * the database and session cost. Exists only when GLOSS_BENCH=1 (the bench
 * server); everywhere else it is a 404 like any unknown path.
 */
const bodies = new Map<string, Uint8Array<ArrayBuffer>>();

export const GET = handleRoute(async (request: Request) => {
  if (!serverEnv().GLOSS_BENCH) throw notFound();
  const slug = articleSlugSchema.parse(new URL(request.url).searchParams.get("slug"));
  const body = bodies.get(slug) ?? (await listArticleAnnotationsBody({ viewer: await getViewer(), slug }));
  if (body === null) throw notFound();
  bodies.set(slug, body);
  return new NextResponse(body, { headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });
});
