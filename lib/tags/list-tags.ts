import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { TagCount } from "@/lib/api/notebook";
import { notebookOwnerId } from "@/lib/notebook/notebook-sql";

/** The viewer's tags in use, with how many of their annotations carry each, by name. */
export async function listTags(viewer: Viewer): Promise<TagCount[]> {
  return db.$queryRaw<TagCount[]>`
    SELECT t.name, count(*)::int AS count
      FROM tags t JOIN annotation_tags j ON j.tag_id = t.id
     WHERE t.user_id = ${notebookOwnerId(viewer)}::uuid
     GROUP BY t.name
     ORDER BY lower(t.name), t.name`;
}
