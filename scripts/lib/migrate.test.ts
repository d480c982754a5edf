import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "./migrate";
import { withScratchDatabase } from "./scratch-database";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  it("applies every migration to a fresh database and records it as Prisma Migrate does", async () => {
    await withScratchDatabase(async (url) => {
      const files = await readMigrations(MIGRATIONS);
      expect(await migrate(url, MIGRATIONS)).toEqual(files.map((file) => file.name));

      const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
        url,
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
      for (const [index, row] of rows.entries()) {
        expect(row.checksum).toBe(files[index]!.checksum);
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
      const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(["_prisma_migrations", "annotations", "articles", "users"]));
    });
  });

  it("does nothing on a second run", async () => {
    await withScratchDatabase(async (url) => {
      await migrate(url, MIGRATIONS);
      const before = await query(url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`);
      expect(await migrate(url, MIGRATIONS)).toEqual([]);
      expect(await query(url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
    });
  });

  it("refuses a migration that was changed after it was applied", async () => {
    await withScratchDatabase(async (url) => {
      const copy = await mkdtemp(path.join(tmpdir(), "gloss-migrations-"));
      await cp(MIGRATIONS, copy, { recursive: true });
      await migrate(url, copy);
      const [first] = await readMigrations(copy);
      const file = path.join(copy, first!.name, "migration.sql");
      await writeFile(file, `${await readFile(file, "utf8")}\n-- edited later\n`);
      await expect(migrate(url, copy)).rejects.toThrow(MigrationError);
      await expect(migrate(url, copy)).rejects.toThrow(/was changed after it was applied/);
    });
  });

  it("rolls back a failing migration and leaves no half-applied record", async () => {
    await withScratchDatabase(async (url) => {
      const copy = await mkdtemp(path.join(tmpdir(), "gloss-migrations-"));
      await cp(MIGRATIONS, copy, { recursive: true });
      await migrate(url, copy);
      const broken = path.join(copy, "29991231000000_broken");
      await cp(path.join(copy, (await readMigrations(MIGRATIONS))[0]!.name), broken, { recursive: true });
      await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`);
      await expect(migrate(url, copy)).rejects.toThrow(/29991231000000_broken failed/);
      expect(await query(url, `SELECT to_regclass('public.half_done') AS t`)).toEqual([{ t: null }]);
      expect(await query(url, `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`)).toEqual([]);
    });
  });
});
