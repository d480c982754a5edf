import { NextResponse } from "next/server";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { requireUser } from "@/lib/auth/get-viewer";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { createAnnotationSchema } from "@/lib/api/annotations";
import { notebookPageSchema, searchParamsObject } from "@/lib/api/notebook";
import { notebookPageBody } from "@/lib/notebook/list-notebook";
import { routes } from "@/lib/routes";

/** The viewer's own annotations (the notebook): filtered, searched, a keyset page at a time. */
export const GET = handleRoute(async (request: Request) => {
  const viewer = await requireUser();
  const { cursor, limit, ...filter } = notebookPageSchema.parse(searchParamsObject(request.url));
  return new NextResponse(await notebookPageBody({ viewer, filter, cursor, limit }), {
    headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" },
  });
});

/** Creates an annotation: 201 the first time, 200 with the same annotation when a create is retried. */
export const POST = handleRoute(async (request: Request) => {
  const receivedAt = performance.now();
  const viewer = await requireUser();
  const input = await parseJsonBody(request, createAnnotationSchema);
  const { annotation, created } = await createAnnotation({ viewer, input, receivedAt });
  return NextResponse.json(annotation, {
    status: created ? 201 : 200,
    headers: { "Cache-Control": "private, no-store", Location: routes.api.annotation(annotation.id) },
  });
});
