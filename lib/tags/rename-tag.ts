import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/api/errors";
import { notebookOwnerId } from "@/lib/notebook/notebook-sql";

export interface RenameTagOptions {
  viewer: Viewer;
  /** The current name, as stored. */
  from: string;
  /** Validated by tagNameSchema. */
  to: string;
}

/**
 * Renames one of the viewer's tags on every annotation that carries it. Renaming
 * onto a name the viewer already uses merges the two tags. Triggers rewrite the
 * annotations' tag names in the same transaction. A tag the viewer does not
 * have is a 404.
 */
export async function renameTag({ viewer, from, to }: RenameTagOptions): Promise<void> {
  const ownerId = notebookOwnerId(viewer);
  await db.$transaction(async (tx) => {
    const [source] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM tags WHERE user_id = ${ownerId}::uuid AND name = ${from} FOR UPDATE`;
    if (!source) throw notFound();
    if (from === to) return;
    const [target] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM tags WHERE user_id = ${ownerId}::uuid AND name = ${to} FOR UPDATE`;
    if (!target) {
      await tx.$executeRaw`UPDATE tags SET name = ${to} WHERE id = ${source.id}::uuid`;
      return;
    }
    await tx.$executeRaw`
      INSERT INTO annotation_tags (annotation_id, tag_id)
      SELECT annotation_id, ${target.id}::uuid FROM annotation_tags WHERE tag_id = ${source.id}::uuid
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`DELETE FROM tags WHERE id = ${source.id}::uuid`;
  });
}
