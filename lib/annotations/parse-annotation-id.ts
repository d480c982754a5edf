import { annotationIdSchema } from "@/lib/api/annotations";

/**
 * The id in canonical (lower-case) form, or null if it cannot be an
 * annotation id. Ids come from URLs; a malformed one must be "not found",
 * not a database error.
 */
export function parseAnnotationId(id: string): string | null {
  const result = annotationIdSchema.safeParse(id);
  return result.success ? result.data : null;
}
