import { NextResponse } from "next/server";
import { getArticleId } from "@/lib/articles/get-article-by-slug";
import { getViewer } from "@/lib/auth/get-viewer";
import { notFound } from "@/lib/api/errors";
import { handleRoute } from "@/lib/http/route-handler";
import { openArticleEventStream } from "@/lib/live/article-event-stream";
import { articleEventsQuerySchema, lastEventIdSchema } from "@/lib/api/live";
import { articleSlugSchema } from "@/lib/api/articles";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** How long a client should wait when this instance has no room for another stream. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Server-Sent Events: the ids of changes to this article's annotations and
 * replies that the viewer may see, as they commit on any instance
 * (lib/live). `held` names Link annotations the page was opened for.
 */
export const GET = handleRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!articleSlugSchema.safeParse(slug).success) throw notFound();
  const url = new URL(request.url);
  const { held } = articleEventsQuerySchema.parse(Object.fromEntries(url.searchParams));
  const lastEventId = lastEventIdSchema.parse(request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId"));
  const [articleId, viewer] = await Promise.all([getArticleId(slug), getViewer()]);
  if (!articleId) throw notFound();

  const stream = await openArticleEventStream({ articleId, audience: { viewer, heldLinks: new Set(held) }, lastEventId, signal: request.signal });
  if (!stream) {
    return NextResponse.json(
      { error: "busy", message: "Too many live readers on this server just now." },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "private, no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
