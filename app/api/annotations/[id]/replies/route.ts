import { NextResponse } from "next/server";
import { routes } from "@/lib/routes";
import { WEB_ANNOTATION_CONTENT_TYPE } from "@/lib/annotations/to-web-annotation";
import { getViewer, requireUser } from "@/lib/auth/get-viewer";
import { prefersJsonLd } from "@/lib/http/prefers-json-ld";
import { notFound } from "@/lib/api/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { siteOrigin } from "@/lib/http/site-origin";
import { createReply } from "@/lib/replies/create-reply";
import { listReplies } from "@/lib/replies/list-replies";
import { toWebReplyCollection } from "@/lib/replies/to-web-reply";
import { createReplySchema } from "@/lib/api/replies";

interface Context {
  params: Promise<{ id: string }>;
}

const PER_VIEWER = { "Cache-Control": "private, no-store", Vary: "Accept, Cookie" };

/** The replies on an annotation, oldest first: JSON, or a W3C AnnotationCollection with `Accept: application/ld+json`. */
export const GET = handleRoute(async (request: Request, context: Context) => {
  const { id } = await context.params;
  const replies = await listReplies({ viewer: await getViewer(), annotationId: id });
  if (!replies) throw notFound();
  if (prefersJsonLd(request)) {
    const collection = toWebReplyCollection(id.toLowerCase(), replies, siteOrigin(request.url));
    return new NextResponse(JSON.stringify(collection), { headers: { ...PER_VIEWER, "Content-Type": WEB_ANNOTATION_CONTENT_TYPE } });
  }
  return NextResponse.json({ replies }, { headers: PER_VIEWER });
});

/** Replies: 201 the first time, 200 with the same reply when a post is retried. */
export const POST = handleRoute(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const { id } = await context.params;
  const input = await parseJsonBody(request, createReplySchema);
  const { reply, created } = await createReply({ viewer, annotationId: id, input });
  return NextResponse.json(reply, { status: created ? 201 : 200, headers: { ...PER_VIEWER, Location: routes.api.reply(reply.id) } });
});
