import type { Viewer } from "./viewer";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The viewer's id if it can safely be compared with a stored user id, else
 * null. The access rules (annotation-access.ts, article-access.ts) fail
 * closed on null: `{ authorId: undefined }` would make Prisma drop the
 * condition and match every row.
 */
export function trustedViewerId(viewer: Viewer | null | undefined): string | null {
  const id: unknown = viewer?.id;
  return typeof id === "string" && UUID_PATTERN.test(id) ? id.toLowerCase() : null;
}
