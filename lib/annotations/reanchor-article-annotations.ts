import { reanchorText } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Moves an article's annotations onto a new version of its text, inside the
 * transaction that stores that text (see upsertArticles). Where each one goes
 * is the anchoring engine's answer (reanchorText); this only reads and writes
 * the rows.
 *
 * What is stored: a placed annotation's selectors describe the current text
 * (exact = the text now highlighted, prefix/suffix recomputed), so every
 * client can verify a position against its quote. A detached one (start/end
 * null) keeps its last quote and context untouched: the reader sees what was
 * highlighted, and a later revision may re-attach it. `updatedAt` is left
 * alone; the author did not change the annotation.
 */

type ReanchorClient = Pick<Prisma.TransactionClient, "annotation" | "$executeRaw">;

export interface ReanchorArticleAnnotationsOptions {
  tx: ReanchorClient;
  articleId: string;
  oldText: string;
  newText: string;
}

export interface ReanchorSummary {
  /** Annotations whose stored selectors changed (moved, re-quoted or detached). */
  updated: number;
  /** Annotations left detached by this revision. */
  detached: number;
}

interface Selectors {
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
}

export async function reanchorArticleAnnotations({
  tx,
  articleId,
  oldText,
  newText,
}: ReanchorArticleAnnotationsOptions): Promise<ReanchorSummary> {
  const rows = await tx.annotation.findMany({
    where: { articleId },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true },
  });
  if (rows.length === 0) return { updated: 0, detached: 0 };

  const placed = reanchorText(
    oldText,
    newText,
    rows.map((row) => ({
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
      position: row.start === null || row.end === null ? null : { start: row.start, end: row.end },
    })),
  );

  const changed: (Selectors & { id: string })[] = [];
  let detached = 0;
  rows.forEach((row, index) => {
    const selectors = placed[index];
    let next: Selectors;
    if (selectors) {
      const { quote, position } = selectors;
      next = { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "", start: position.start, end: position.end };
    } else {
      next = { ...row, start: null, end: null };
      detached++;
    }
    const same =
      next.exact === row.exact &&
      next.prefix === row.prefix &&
      next.suffix === row.suffix &&
      next.start === row.start &&
      next.end === row.end;
    if (!same) changed.push({ id: row.id, ...next });
  });

  if (changed.length > 0) {
    // One statement for the whole article rather than a round trip per annotation.
    await tx.$executeRaw`
      UPDATE "annotations" AS a
      SET "exact" = v.exact, "prefix" = v.prefix, "suffix" = v.suffix, "start" = v.start, "end" = v."end"
      FROM unnest(
        ${changed.map((c) => c.id)}::uuid[],
        ${changed.map((c) => c.exact)}::text[],
        ${changed.map((c) => c.prefix)}::text[],
        ${changed.map((c) => c.suffix)}::text[],
        ${changed.map((c) => c.start)}::int[],
        ${changed.map((c) => c.end)}::int[]
      ) AS v(id, exact, prefix, suffix, start, "end")
      WHERE a."id" = v.id AND a."article_id" = ${articleId}::uuid`;
  }
  return { updated: changed.length, detached };
}
