import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, RestoreError } from "./backup";
import { ROOT } from "./bootstrap";
import { withScratchDatabase } from "./scratch-database";

const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
let folder = "";

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "gloss-backup-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Every row of every table (Prisma's migration log aside), as PostgreSQL renders it, sorted. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t ORDER BY 1`);
      result[name] = rows.map((row) => row.row);
    }
    return result;
  } finally {
    await client.end();
  }
}

/** A small Gloss database of its own: an article, two readers, annotations (the triggers fill the version table). */
async function fillSource(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO users (id, email, name, password_hash) VALUES
        ('11111111-1111-4111-8111-111111111111', 'ada@example.test', 'Ada "Quote" Ünïcode', 'hash'),
        ('22222222-2222-4222-8222-222222222222', 'otto@example.test', 'Otto', 'hash');
      INSERT INTO articles (id, slug, title, language, direction, blocks, text, text_hash, word_count, excerpt, published_at, updated_at)
        VALUES ('33333333-3333-4333-8333-333333333333', 'kept', 'Kept', 'ar', 'rtl', '[{"type":"paragraph","content":[{"type":"text","text":"حاشية"}]}]',
                'حاشية and more', 'abc', 3, 'حاشية', '2026-01-02T03:04:05.678Z', now());
      INSERT INTO annotations (id, article_id, author_id, color, note, visibility, exact, prefix, suffix, start, "end", updated_at) VALUES
        ('44444444-4444-4444-8444-444444444444', '33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111',
         'pink', E'A note\\nwith lines and "quotes" 🙂', 'public', 'حاشية', '', ' and', 0, 5, now()),
        ('55555555-5555-4555-8555-555555555555', '33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222',
         'blue', NULL, 'private', 'more', 'and ', '', 10, 14, now());
      UPDATE annotations SET note = 'edited', version = version + 1 WHERE id = '55555555-5555-4555-8555-555555555555';
      INSERT INTO rate_limits (key, points, expire) VALUES ('sign-in:x', 3, 9007199254740993);`);
  } finally {
    await client.end();
  }
}

it("restores a backup into an empty database with every row exactly as it was", async () => {
  await withScratchDatabase(async (source) => {
    await restoreDatabase(source, await emptyBackup(), MIGRATIONS); // migrates the empty source
    await fillSource(source);
    const file = path.join(folder, "round-trip.jsonl.gz");
    const counts = await backupDatabase(source, file);
    expect(counts).toMatchObject({ users: 2, articles: 1, annotations: 2, article_annotations_versions: 1, rate_limits: 1 });

    await withScratchDatabase(async (target) => {
      expect(await restoreDatabase(target, file, MIGRATIONS)).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
      const [before, after] = await Promise.all([everyRow(source), everyRow(target)]);
      expect(after).toEqual(before);
      expect(after.annotations).toHaveLength(2);
    });

    // Never over data: the source is not empty.
    await expect(restoreDatabase(source, file, MIGRATIONS)).rejects.toThrow(RestoreError);
  });
});

it("refuses a backup that was cut off, and leaves the database as it was", async () => {
  await withScratchDatabase(async (source) => {
    await restoreDatabase(source, await emptyBackup(), MIGRATIONS);
    await fillSource(source);
    const file = path.join(folder, "whole.jsonl.gz");
    await backupDatabase(source, file);
    const { gunzipSync } = await import("node:zlib");
    const { readFile } = await import("node:fs/promises");
    const lines = gunzipSync(await readFile(file)).toString("utf8").trimEnd().split("\n");
    const cut = path.join(folder, "cut.jsonl.gz");
    await writeFile(cut, gzipSync(lines.slice(0, -2).join("\n") + "\n"));

    await withScratchDatabase(async (target) => {
      await expect(restoreDatabase(target, cut, MIGRATIONS)).rejects.toThrow(/cut off/);
      const rows = await everyRow(target);
      expect(Object.values(rows).every((tableRows) => tableRows.length === 0)).toBe(true);
    });
  });
});

/** A valid backup of nothing, so restoring it into a scratch database just migrates it. */
async function emptyBackup(): Promise<string> {
  const file = path.join(folder, "empty.jsonl.gz");
  const header = { format: "gloss-backup/1", createdAt: new Date().toISOString(), server: "", migrations: [], tables: [] };
  await writeFile(file, gzipSync(`${JSON.stringify(header)}\n${JSON.stringify({ end: true, counts: {} })}\n`));
  return file;
}
