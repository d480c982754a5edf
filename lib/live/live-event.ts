import { isAnnotationListedTo } from "@/lib/annotations/annotation-access";
import type { Viewer } from "@/lib/auth/viewer";
import type { ChangeEntry } from "./change-log";

/**
 * What one stream is told about one change: ids only, never content. The
 * client fetches what changed through the ordinary API, which applies the
 * access rules once more.
 *
 * - `annotation`: it was created or changed, and the viewer may see it now.
 * - `annotation-removed`: the viewer could see it before this change and may
 *   not any more (deleted, or made Private by its author).
 * - `reply`: a reply on an annotation the viewer may see was written,
 *   changed or deleted.
 * - `article`: the article itself changed (a reseed): reload its notes.
 */
export type LiveEvent =
  | { kind: "annotation"; annotationId: string }
  | { kind: "annotation-removed"; annotationId: string }
  | { kind: "reply"; op: ChangeEntry["op"]; annotationId: string; replyId: string }
  | { kind: "article" };

/** Who a stream serves: the viewer, and the Link annotations they hold links to (opened from /n/{id}). */
export interface StreamAudience {
  viewer: Viewer | null;
  heldLinks: ReadonlySet<string>;
}

/**
 * The reading rule of lib/annotations/annotation-access.ts, applied to one
 * version of an annotation as the log recorded it: listed to the viewer
 * (their own, or Public), or a Link annotation whose link they hold.
 */
function mayRead(audience: StreamAudience, authorId: string, annotationId: string, visibility: string | null): boolean {
  if (visibility === null) return false;
  if (isAnnotationListedTo(audience.viewer, { authorId, visibility })) return true;
  return visibility === "link" && audience.heldLinks.has(annotationId);
}

/** The event `audience` may receive for `entry`, or null when it must hear nothing of it. */
export function liveEventFor(entry: ChangeEntry, audience: StreamAudience): LiveEvent | null {
  if (entry.subject === "article") return { kind: "article" };
  const { annotationId, annotationAuthorId: authorId } = entry;
  if (!annotationId || !authorId) return null;
  const after = mayRead(audience, authorId, annotationId, entry.visibilityAfter);
  if (entry.subject === "reply") {
    // Replies are seen with their annotation, and never on a Private one (reply-access.ts).
    return after && entry.visibilityAfter !== "private" && entry.replyId ? { kind: "reply", op: entry.op, annotationId, replyId: entry.replyId } : null;
  }
  if (after) return { kind: "annotation", annotationId };
  const before = mayRead(audience, authorId, annotationId, entry.visibilityBefore);
  return before ? { kind: "annotation-removed", annotationId } : null;
}
