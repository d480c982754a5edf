import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { withScratchDatabase } from "./scratch-database";
import { findSchemaDrift } from "./schema-drift";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA = path.join(ROOT, "prisma/schema.prisma");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");

async function execute(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("schema drift", () => {
  it("finds none between schema.prisma and the migrated database", async () => {
    await withScratchDatabase(async (url) => {
      await migrate(url, MIGRATIONS);
      expect(await findSchemaDrift(url, SCHEMA)).toEqual([]);
    });
  });

  it.each([
    ["a dropped column", `ALTER TABLE "annotations" DROP COLUMN "prefix"`, /Annotation\.prefix: column .* is missing/],
    ["a nullability change", `ALTER TABLE "articles" ALTER COLUMN "byline" SET NOT NULL`, /Article\.byline: column is NOT NULL/],
    ["a type change", `ALTER TABLE "articles" ALTER COLUMN "word_count" TYPE bigint`, /Article\.wordCount: column type is bigint/],
    ["a dropped unique index", `DROP INDEX "users_email_key"`, /User: unique index on \(email\) is missing/],
    ["a dropped foreign key", `ALTER TABLE "annotations" DROP CONSTRAINT "annotations_author_id_fkey"`, /Annotation\.author: foreign key/],
    ["a stray table", `CREATE TABLE "leftovers" (id int)`, /stray table "leftovers"/],
    ["a stray column", `ALTER TABLE "users" ADD COLUMN "nickname" text`, /stray column "users"\."nickname"/],
    ["a changed enum", `ALTER TYPE "HighlightColor" ADD VALUE 'orange'`, /enum HighlightColor: values are/],
  ])("reports %s", async (_label, sql, expected) => {
    await withScratchDatabase(async (url) => {
      await migrate(url, MIGRATIONS);
      await execute(url, sql);
      const drift = await findSchemaDrift(url, SCHEMA);
      expect(drift.some((line) => expected.test(line)), drift.join("\n")).toBe(true);
    });
  });
});
