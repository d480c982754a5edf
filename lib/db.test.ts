import { describe, expect, it } from "vitest";
import { db, preparedStatementName, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

type PlanCounts = { backend: number; genericPlans: number; customPlans: number };

/** A statement that reads its own entry among its connection's prepared statements. */
function ownPlanCounts(name: string): Prisma.Sql {
  return Prisma.sql`
    SELECT pg_backend_pid() AS backend, generic_plans::int AS "genericPlans", custom_plans::int AS "customPlans"
      FROM pg_prepared_statements WHERE name = ${name}`;
}

describe("readRows", () => {
  it("prepares a statement once per connection and plans it for each run's values", async () => {
    const name = preparedStatementName(ownPlanCounts("").text);
    const runs: PlanCounts[] = [];
    for (let run = 0; run < 12; run += 1) {
      const rows = await readRows<PlanCounts>(ownPlanCounts(name));
      expect(rows).toHaveLength(1);
      runs.push(rows[0]!);
    }
    // Per connection, the same statement counts up: prepared once, then only run. After five runs PostgreSQL's
    // default would switch to one plan for any values (generic); every run here was planned for its own.
    const byBackend = Map.groupBy(runs, (run) => run.backend);
    for (const counts of byBackend.values()) {
      expect(counts.map((run) => run.customPlans)).toEqual(counts.map((_, index) => index + 1));
      expect(counts.every((run) => run.genericPlans === 0)).toBe(true);
    }
    expect(Math.max(...[...byBackend.values()].map((counts) => counts.length))).toBeGreaterThan(5);
  });

  it("names a statement by its text alone", () => {
    const first = Prisma.sql`SELECT ${1}::int AS one`;
    const second = Prisma.sql`SELECT ${2}::int AS one`;
    expect(preparedStatementName(first.text)).toBe(preparedStatementName(second.text));
    expect(preparedStatementName(first.text)).not.toBe(preparedStatementName("SELECT 1"));
    expect(preparedStatementName(first.text).length).toBeLessThan(64);
  });
});

describe("readRows across a schema change", () => {
  it("answers with the new columns when a migration changes what a prepared statement returns", async () => {
    await db.$executeRawUnsafe("CREATE TABLE prepared_probe (value int)");
    try {
      await db.$executeRawUnsafe("INSERT INTO prepared_probe VALUES (7)");
      const probe = Prisma.sql`SELECT value FROM prepared_probe`;
      // Twice in a row: the pool hands the same idle connection back, which has prepared the statement by then.
      expect(await readRows(probe)).toEqual([{ value: 7 }]);
      expect(await readRows(probe)).toEqual([{ value: 7 }]);
      await db.$executeRawUnsafe("ALTER TABLE prepared_probe ALTER COLUMN value TYPE text");
      expect(await readRows(probe)).toEqual([{ value: "7" }]);
    } finally {
      await db.$executeRawUnsafe("DROP TABLE prepared_probe");
    }
  });
});
