import { anchorAll, describeTextRange, type AnchorItem, type TextOffsets } from "@/lib/anchoring";
import { positionHolds } from "@/lib/anchoring/anchor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTextOffsetMap } from "./map-text-offsets";

/**
 * Moves an article's annotations onto a new version of its text, inside the
 * transaction that stores that text (see upsertArticles).
 *
 * 1. Each position is carried through a diff of the old and new text. It is
 *    kept when the quote lies in an unchanged stretch that is long (or the
 *    texts' common start or end), or whose context still agrees: a short
 *    stretch can be a chance likeness inside a rewritten sentence.
 * 2. Everything else goes to `anchorAll`, which searches for the quote near
 *    where the diff puts it, bracketed by the annotations step 1 placed.
 * 3. What neither places is detached (start/end null): shown apart, never
 *    stuck on a look-alike passage.
 *
 * What is stored: a placed annotation's selectors always describe the current
 * text (exact = the text now highlighted, prefix/suffix recomputed), so every
 * client can verify a position against its quote. A detached one keeps its
 * last quote and context untouched: the reader sees what was highlighted,
 * and a later revision may re-attach it. `updatedAt` is left alone; the
 * author did not change the annotation.
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

  const offsetMap = createTextOffsetMap({ oldText, newText });
  const placedByDiff: (TextOffsets | null)[] = [];
  const items: AnchorItem[] = rows.map((row) => {
    const quote = { exact: row.exact, prefix: row.prefix, suffix: row.suffix };
    if (row.start === null || row.end === null) {
      placedByDiff.push(null);
      return { quote };
    }
    const mapped = offsetMap.mapRange(row.start, row.end);
    const position = { start: mapped.start, end: mapped.start + (row.end - row.start) };
    const kept = mapped.reliable || (mapped.intact && positionHolds(newText, quote, position));
    placedByDiff.push(kept ? position : null);
    // Positions handed to anchorAll are already in new-text coordinates: the
    // diff has done the drift correction its hints would otherwise guess.
    return { quote, position };
  });
  const matches = placedByDiff.includes(null) ? anchorAll(newText, items) : [];

  const changed: (Selectors & { id: string })[] = [];
  let detached = 0;
  rows.forEach((row, index) => {
    const target = placedByDiff[index] ?? matches[index] ?? null;
    let next: Selectors;
    if (target) {
      const { quote } = describeTextRange(newText, target.start, target.end);
      next = { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "", start: target.start, end: target.end };
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
