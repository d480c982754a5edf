import { NextResponse } from "next/server";
import { WEB_ANNOTATION_CONTENT_TYPE } from "@/lib/annotations/to-web-annotation";
import { getViewer, requireUser } from "@/lib/auth/get-viewer";
import { prefersJsonLd } from "@/lib/http/prefers-json-ld";
import { notFound } from "@/lib/api/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { siteOrigin } from "@/lib/http/site-origin";
import { deleteReply, updateReply } from "@/lib/replies/change-reply";
import { getReply } from "@/lib/replies/list-replies";
import { toWebReply } from "@/lib/replies/to-web-reply";
import { updateReplySchema } from "@/lib/api/replies";

interface Context {
  params: Promise<{ id: string }>;
}

const PER_VIEWER = { "Cache-Control": "private, no-store", Vary: "Accept, Cookie" };

/** One reply, as JSON or (Accept: application/ld+json) as a W3C Web Annotation with motivation `replying`. */
export const GET = handleRoute(async (request: Request, context: Context) => {
  const reply = await getReply({ viewer: await getViewer(), id: (await context.params).id });
  if (!reply) throw notFound();
  if (prefersJsonLd(request)) {
    return new NextResponse(JSON.stringify(toWebReply(reply, siteOrigin(request.url))), {
      headers: { ...PER_VIEWER, "Content-Type": WEB_ANNOTATION_CONTENT_TYPE },
    });
  }
  return NextResponse.json(reply, { headers: PER_VIEWER });
});

/** Rewrites one's own reply. */
export const PATCH = handleRoute(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const { id } = await context.params;
  const changes = await parseJsonBody(request, updateReplySchema);
  return NextResponse.json(await updateReply({ viewer, id, changes }), { headers: PER_VIEWER });
});

/** Deletes one's own reply, or any reply on one's own annotation. */
export const DELETE = handleRoute(async (_request: Request, context: Context) => {
  const viewer = await requireUser();
  await deleteReply({ viewer, id: (await context.params).id });
  return new NextResponse(null, { status: 204 });
});
