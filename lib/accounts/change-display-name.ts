import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { forgetLiveSessions } from "@/lib/auth/user-sessions";

/** Renames the viewer; their notes show the new name at once (the annotation lists' triggers see it). */
export async function changeDisplayName({ viewer, name }: { viewer: Viewer; name: string }): Promise<{ name: string }> {
  const renamed = await db.user.update({ where: { id: viewer.id }, data: { name }, select: { name: true } });
  forgetLiveSessions(viewer.id);
  return renamed;
}
