import { NextResponse } from "next/server";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { parseAnnotationId } from "@/lib/annotations/parse-annotation-id";
import { toWebAnnotation, WEB_ANNOTATION_CONTENT_TYPE } from "@/lib/annotations/to-web-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { getViewer, requireUser } from "@/lib/auth/get-viewer";
import { prefersJsonLd } from "@/lib/http/prefers-json-ld";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { notFound } from "@/lib/api/errors";
import { siteOrigin } from "@/lib/http/site-origin";
import { updateAnnotationSchema } from "@/lib/api/annotations";

interface Context {
  params: Promise<{ id: string }>;
}

// The answer depends on who asks (private annotations) and on what they accept.
const PER_VIEWER = { "Cache-Control": "private, no-store", Vary: "Accept, Cookie" };

/** Ids that are not UUIDs name nothing: 404 before any query. */
async function annotationIdFrom(context: Context): Promise<string> {
  const id = parseAnnotationId((await context.params).id);
  if (!id) throw notFound();
  return id;
}

/** One annotation, as JSON or (Accept: application/ld+json) as a W3C Web Annotation. */
export const GET = handleRoute(async (request: Request, context: Context) => {
  const id = await annotationIdFrom(context);
  const annotation = await getAnnotation({ viewer: await getViewer(), id });
  if (prefersJsonLd(request)) {
    const webAnnotation = toWebAnnotation({ annotation, origin: siteOrigin(request.url) });
    return new NextResponse(JSON.stringify(webAnnotation), {
      headers: { ...PER_VIEWER, "Content-Type": WEB_ANNOTATION_CONTENT_TYPE },
    });
  }
  return NextResponse.json(annotation, { headers: PER_VIEWER });
});

/** Changes the note, colour or visibility of one's own annotation. */
export const PATCH = handleRoute(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const id = await annotationIdFrom(context);
  const changes = await parseJsonBody(request, updateAnnotationSchema);
  return NextResponse.json(await updateAnnotation({ viewer, id, changes }), { headers: PER_VIEWER });
});

export const DELETE = handleRoute(async (_request: Request, context: Context) => {
  const viewer = await requireUser();
  await deleteAnnotation({ viewer, id: await annotationIdFrom(context) });
  return new NextResponse(null, { status: 204 });
});
