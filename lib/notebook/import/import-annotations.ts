import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import { notebookOwnerId } from "@/lib/notebook/notebook-sql";
import type { ImportItem } from "./import-item";
import { placeImportItem } from "./place-import-item";

export interface ImportSummary {
  imported: number;
  detached: number;
  alreadyPresent: number;
  skippedArticleNotFound: number;
  message: string;
}

export interface ImportAnnotationsOptions {
  viewer: Viewer;
  items: ImportItem[];
  /** This Gloss's public origin: only its article addresses name articles. */
  origin: string;
}

/** The slug of a Gloss article address (`{origin}/articles/{slug}`), or null for any other address. */
export function articleSlugOfUrl(url: string, origin: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.origin !== origin) return null;
  const slug = /^\/articles\/([^/]+)\/?$/.exec(parsed.pathname)?.[1];
  return slug ? decodeURIComponent(slug) : null;
}

function summaryMessage(summary: Omit<ImportSummary, "message">): string {
  const parts = [`${summary.imported} imported`, `${summary.detached} detached`];
  if (summary.alreadyPresent > 0) parts.push(`${summary.alreadyPresent} already in your notebook`);
  if (summary.skippedArticleNotFound > 0) parts.push(`${summary.skippedArticleNotFound} skipped: article not in Gloss`);
  return parts.join(", ");
}

/**
 * Adds the annotations of an import file to the viewer's notebook, all or
 * nothing (one transaction). Idempotent by id: the viewer's existing ones are
 * left as they are; an id that is someone else's refuses the whole file.
 * Items on articles Gloss does not have are skipped and counted.
 */
export async function importAnnotations({ viewer, items, origin }: ImportAnnotationsOptions): Promise<ImportSummary> {
  const ownerId = notebookOwnerId(viewer);
  const slugs = new Map(items.map((item) => [item, articleSlugOfUrl(item.articleUrl, origin)]));
  const wanted = [...new Set([...slugs.values()].filter((slug): slug is string => slug !== null))];
  const articles = new Map(
    (await db.article.findMany({ where: { slug: { in: wanted } }, select: { id: true, slug: true, text: true } })).map((article) => [article.slug, article]),
  );

  return db.$transaction(
    async (tx) => {
      // One import of a reader's at a time, in every instance: the same file sent twice at once (a second tab, a
      // double submit) finds the first one's annotations already there instead of colliding with them.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`gloss.import:${ownerId}`}))`;
      const mine = await ownAnnotationIds(tx, ownerId, items);
      let skippedArticleNotFound = 0;
      let detached = 0;
      const rows: Record<string, unknown>[] = [];
      for (const item of items) {
        if (mine.has(item.id)) continue;
        const article = articles.get(slugs.get(item) ?? "");
        if (!article) {
          skippedArticleNotFound++;
          continue;
        }
        const placed = placeImportItem(item, article.text);
        if (!placed.position) detached++;
        rows.push({
          id: item.id,
          article_id: article.id,
          color: item.color,
          note: item.note,
          visibility: item.visibility,
          exact: placed.quote.exact,
          prefix: placed.quote.prefix,
          suffix: placed.quote.suffix,
          start: placed.position?.start ?? null,
          end: placed.position?.end ?? null,
          created_at: (item.createdAt ?? new Date()).toISOString(),
          updated_at: (item.updatedAt ?? item.createdAt ?? new Date()).toISOString(),
          tags: item.tags,
        });
      }
      if (rows.length > 0 && (await insertRows(tx, ownerId, rows)) < rows.length) {
        // Some of these ids were taken since the check above: by another reader's import (refused as such), or by a
        // note of this reader's saved meanwhile under an id of the file. Nothing of the file is kept either way.
        await ownAnnotationIds(tx, ownerId, items);
        throw new AppError("conflict", "Your notebook changed while the file was being imported; nothing was imported. Import it again.");
      }
      const counts = { imported: rows.length - detached, detached, alreadyPresent: mine.size, skippedArticleNotFound };
      return { ...counts, message: summaryMessage(counts) };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The ids of `items` that are already the owner's annotations; refuses the whole file if any is someone else's. */
async function ownAnnotationIds(tx: Transaction, ownerId: string, items: ImportItem[]): Promise<Set<string>> {
  const existing = await tx.$queryRaw<{ id: string; mine: boolean }[]>`
    SELECT id::text, author_id = ${ownerId}::uuid AS mine FROM annotations WHERE id = ANY(${items.map((item) => item.id)}::uuid[])`;
  const others = new Set(existing.filter((row) => !row.mine).map((row) => row.id));
  if (others.size > 0) {
    const fieldErrors = Object.fromEntries(
      items.filter((item) => others.has(item.id)).slice(0, 20).map((item) => [`items.${item.index}.id`, ["This id belongs to another reader's annotation."]]),
    );
    throw new AppError("validation", "Some annotations in the file belong to another reader; nothing was imported.", fieldErrors);
  }
  return new Set(existing.map((row) => row.id));
}

/**
 * Three statements whatever the count: the annotations, the tags they name, the links between them. Returns how many
 * annotations were inserted: an id taken meanwhile is skipped, not an error (the caller says whose it is).
 */
async function insertRows(tx: Transaction, ownerId: string, rows: Record<string, unknown>[]): Promise<number> {
  const json = JSON.stringify(rows);
  const inserted = await tx.$executeRaw`
    INSERT INTO annotations (id, article_id, author_id, color, note, visibility, exact, prefix, suffix, start, "end", created_at, updated_at)
    SELECT r.id, r.article_id, ${ownerId}::uuid, r.color::"HighlightColor", r.note, r.visibility::"Visibility", r.exact, r.prefix, r.suffix,
           r.start, r."end", r.created_at, r.updated_at
      FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, article_id uuid, color text, note text, visibility text, exact text,
           prefix text, suffix text, start int, "end" int, created_at timestamptz, updated_at timestamptz)
    ON CONFLICT (id) DO NOTHING`;
  if (inserted < rows.length) return inserted;
  await tx.$executeRaw`
    INSERT INTO tags (id, user_id, name)
    SELECT gen_random_uuid(), ${ownerId}::uuid, name
      FROM (SELECT DISTINCT jsonb_array_elements_text(r -> 'tags') AS name FROM jsonb_array_elements(${json}::jsonb) AS r) AS names
    ON CONFLICT (user_id, name) DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO annotation_tags (annotation_id, tag_id)
    SELECT (r ->> 'id')::uuid, t.id
      FROM jsonb_array_elements(${json}::jsonb) AS r
     CROSS JOIN LATERAL jsonb_array_elements_text(r -> 'tags') AS tag(name)
      JOIN tags t ON t.user_id = ${ownerId}::uuid AND t.name = tag.name
    ON CONFLICT DO NOTHING`;
  return inserted;
}
