import type { Prisma } from "@/lib/generated/prisma/client";

type Transaction = Pick<Prisma.TransactionClient, "$executeRaw">;

export interface SetAnnotationTagsOptions {
  tx: Transaction;
  /** The annotation's author (already checked to be the viewer). */
  ownerId: string;
  annotationId: string;
  /** Validated tag names (tagNameSchema), without duplicates. */
  names: string[];
}

/**
 * Makes `names` the annotation's tags: creates the owner's tags that do not
 * exist yet and links or unlinks the rest. Triggers then rewrite the
 * annotation's `tags` column (and with it the search vector and the article's
 * list version; see the migration `tags_and_search`). Run inside a transaction.
 */
export async function setAnnotationTags({ tx, ownerId, annotationId, names }: SetAnnotationTagsOptions): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO tags (id, user_id, name)
    SELECT gen_random_uuid(), ${ownerId}::uuid, name FROM unnest(${names}::text[]) AS name
    ON CONFLICT (user_id, name) DO NOTHING`;
  await tx.$executeRaw`
    DELETE FROM annotation_tags j USING tags t
     WHERE j.annotation_id = ${annotationId}::uuid AND t.id = j.tag_id AND NOT (t.name = ANY(${names}::text[]))`;
  await tx.$executeRaw`
    INSERT INTO annotation_tags (annotation_id, tag_id)
    SELECT ${annotationId}::uuid, t.id FROM tags t WHERE t.user_id = ${ownerId}::uuid AND t.name = ANY(${names}::text[])
    ON CONFLICT DO NOTHING`;
}
