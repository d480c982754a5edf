import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { forgetLiveSessions } from "@/lib/auth/user-sessions";

/**
 * Deletes the viewer's account for good. Everything that is theirs goes with
 * it by the database's ON DELETE CASCADE from `users`: sessions, annotations
 * (public ones included), and whatever later features hang off the user the
 * same way (replies, tags, imported articles). Other readers' notes stay.
 * The caller has the reader confirm by typing their email.
 */
export async function deleteAccount({ viewer, confirmEmail }: { viewer: Viewer; confirmEmail: string }): Promise<"deleted" | "email-mismatch"> {
  if (confirmEmail !== viewer.email.toLowerCase()) return "email-mismatch";
  await db.user.delete({ where: { id: viewer.id } });
  forgetLiveSessions(viewer.id);
  return "deleted";
}
