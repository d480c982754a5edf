import { NextResponse } from "next/server";
import { annotationApiPath } from "@/lib/annotations/annotation-urls";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { requireUser } from "@/lib/auth/get-viewer";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { createAnnotationSchema } from "@/lib/validation/annotation-schemas";

/** Creates an annotation: 201 the first time, 200 with the same annotation when a create is retried. */
export const POST = handleRoute(async (request: Request) => {
  const receivedAt = performance.now();
  const viewer = await requireUser();
  const input = await parseJsonBody(request, createAnnotationSchema);
  const { annotation, created } = await createAnnotation({ viewer, input, receivedAt });
  return NextResponse.json(annotation, {
    status: created ? 201 : 200,
    headers: { "Cache-Control": "private, no-store", Location: annotationApiPath(annotation.id) },
  });
});
