/**
 * A big notebook for the bench: 1,000,000 annotations on the seeded articles,
 * 100,000 of them one reader's (with notes and tags), the rest spread over
 * 1,000 other readers. Inserted by generate_series in PostgreSQL; the quotes
 * are real slices of the articles' text, so exports re-import and anchor.
 */
import { randomUUID } from "node:crypto";

export interface SeededNotebook {
  email: string;
  password: string;
  importer: { email: string; password: string };
}

export const READER_ANNOTATIONS = 100_000;
export const TOTAL_ANNOTATIONS = 1_000_000;
export const EXPORT_TAG = "export-10k";

/** The words of the seeded notes (two of them in each note, ~75 % of annotations), every one of them searched by the bench. */
export const SEED_WORDS = [
  "marginalia", "reader", "scholia", "gloss", "manuscript", "argument", "evidence", "history", "treaty", "coalition",
  "memory", "printing", "library", "commentary", "footnote", "question", "source", "quote", "idea", "method",
  "كتاب", "حاشية", "مخطوط", "قراءة", "café", "résumé", "naïve", "Zürich", "crème", "façade",
  "border", "ink", "pencil", "paper", "scribe", "copy", "edition", "index", "margin", "page",
];

/** The INSERT of `count` annotations numbered from `first`, by the author chosen by `authorSql` (SQL over n). */
function insertAnnotationsSql(first: number, count: number, authorSql: string, idSql: string): string {
  const words = `(ARRAY[${SEED_WORDS.map((word) => `'${word}'`).join(",")}])`;
  return `
    INSERT INTO annotations (id, article_id, author_id, color, note, visibility, exact, prefix, suffix, start, "end", created_at, updated_at)
    SELECT ${idSql}, a.ids[1 + n % a.k], ${authorSql},
           (ARRAY['yellow','green','blue','pink','purple'])[1 + n % 5]::"HighlightColor",
           CASE WHEN n % 4 <> 0 THEN ${words}[1 + n % 40] || ' ' || ${words}[1 + (n / 40) % 40] || ' note ' || (n % 1000)
                                     || CASE WHEN n % 1000 = 7 THEN ' palimpsest' ELSE '' END END,
           (ARRAY['private','private','link','public'])[1 + n % 4]::"Visibility",
           substr(t.text, p.s + 1, p.len), substr(t.text, greatest(p.s - 32, 0) + 1, p.s - greatest(p.s - 32, 0)),
           substr(t.text, p.s + p.len + 1, 32), p.s, p.s + p.len,
           timestamp '2026-01-01' + n * interval '7 seconds', timestamp '2026-01-01' + n * interval '7 seconds'
      FROM (SELECT array_agg(id ORDER BY slug) AS ids, array_agg(text ORDER BY slug) AS texts, count(*)::int AS k FROM articles) AS a,
           generate_series(${first}, ${first + count - 1}) AS n,
           LATERAL (SELECT a.texts[1 + n % a.k] AS text) AS t,
           LATERAL (SELECT ((n::bigint * 7919) % (length(t.text) - 120))::int AS s, 20 + n % 40 AS len) AS p`;
}

export async function seedNotebook(): Promise<SeededNotebook> {
  const { db } = await import("../../lib/db");
  const { hashPassword } = await import("../../lib/auth/password-hashing");
  const password = randomUUID();
  const passwordHash = await hashPassword(password);
  const reader = await db.user.create({ data: { email: `bench-notebook-${randomUUID()}@example.invalid`, name: "Notebook Reader", passwordHash }, select: { id: true, email: true } });
  const importer = await db.user.create({ data: { email: `bench-importer-${randomUUID()}@example.invalid`, name: "Importer", passwordHash }, select: { email: true } });
  await db.$executeRawUnsafe(`
    INSERT INTO users (id, email, name, password_hash)
    SELECT gen_random_uuid(), 'bench-other-' || n || '@example.invalid', 'Other Reader ' || n, 'not-a-hash' FROM generate_series(1, 1000) AS n`);

  // Building the search index once at the end is far faster than keeping it up row by row (a throw-away database).
  // Rebuilt at the end exactly as the migrations define it, storage parameters and statistics target included.
  const [searchIndex] = await db.$queryRawUnsafe<{ indexdef: string; statisticsTarget: number | null }[]>(
    `SELECT indexdef, (SELECT attstattarget FROM pg_attribute WHERE attrelid = 'annotations_owned_search_idx'::regclass AND attnum = 1)::int AS "statisticsTarget"
       FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'annotations_owned_search_idx'`,
  );
  if (!searchIndex) throw new Error("the notebook's search index is missing: are the migrations applied?");
  await db.$executeRawUnsafe(`DROP INDEX annotations_owned_search_idx`);
  // Triggers off for the bulk insert (a fresh database: no cached list to keep honest; the
  // per-row version bumps would rewrite one counter row a million times in one transaction).
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.$executeRawUnsafe(insertAnnotationsSql(1, READER_ANNOTATIONS, `'${reader.id}'::uuid`, `md5('reader' || n)::uuid`));
      await tx.$executeRawUnsafe(
        insertAnnotationsSql(
          READER_ANNOTATIONS + 1,
          TOTAL_ANNOTATIONS - READER_ANNOTATIONS,
          `((SELECT array_agg(id ORDER BY email) FROM users WHERE email LIKE 'bench-other-%'))[1 + n % 1000]`,
          "gen_random_uuid()",
        ),
      );
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
  // Tags: a third of the reader's annotations carry one of 20, and every tenth the export tag.
  // Triggers off again; the tag names are then written onto the annotations in one statement.
  await db.$executeRawUnsafe(`
    INSERT INTO tags (id, user_id, name)
    SELECT gen_random_uuid(), '${reader.id}'::uuid, name FROM (SELECT 'topic-' || n AS name FROM generate_series(0, 19) n UNION ALL SELECT '${EXPORT_TAG}') AS names`);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.$executeRawUnsafe(`
        INSERT INTO annotation_tags (annotation_id, tag_id)
        SELECT md5('reader' || n)::uuid, t.id FROM generate_series(1, ${READER_ANNOTATIONS}) AS n
          JOIN tags t ON t.user_id = '${reader.id}'::uuid AND t.name = 'topic-' || (n % 20)
         WHERE n % 3 = 0
        UNION ALL
        SELECT md5('reader' || n)::uuid, t.id FROM generate_series(1, ${READER_ANNOTATIONS}) AS n
          JOIN tags t ON t.user_id = '${reader.id}'::uuid AND t.name = '${EXPORT_TAG}'
         WHERE n % 10 = 0`);
      await tx.$executeRawUnsafe(`SELECT refresh_annotation_tags(ARRAY(SELECT DISTINCT annotation_id FROM annotation_tags))`);
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      await tx.$executeRawUnsafe(searchIndex.indexdef);
      if (searchIndex.statisticsTarget !== null && searchIndex.statisticsTarget >= 0) {
        await tx.$executeRawUnsafe(`ALTER INDEX annotations_owned_search_idx ALTER COLUMN 1 SET STATISTICS ${searchIndex.statisticsTarget}`);
      }
    },
    { timeout: 900_000 },
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE annotations`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE annotation_tags`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE tags`);
  // The seed's gigabytes of dirty pages are written now, not by a checkpoint in the middle of a measurement.
  await db.$executeRawUnsafe(`CHECKPOINT`);
  return { email: reader.email, password, importer: { email: importer.email, password } };
}
