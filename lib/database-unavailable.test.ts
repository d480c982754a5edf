import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db, readRows } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "./database-unavailable";

/** What a query actually throws, caught. */
async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

// Nothing listens on port 1: the same errors as a stopped PostgreSQL.
const unreachable = new PrismaClient({
  adapter: new PrismaPg({ connectionString: "postgresql://gloss:gloss@127.0.0.1:1/gloss", connectionTimeoutMillis: 1_000 }),
});

afterAll(() => unreachable.$disconnect());

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable server through Prisma's model queries and raw queries", async () => {
    expect(isDatabaseUnavailable(await errorOf(() => unreachable.user.findFirst()))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(() => unreachable.$queryRaw`SELECT 1`))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(() => unreachable.$transaction([unreachable.user.count()])))).toBe(true);
  });

  it("recognises a connection the server terminated (as when PostgreSQL shuts down)", async () => {
    const victim = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
    await victim.connect();
    victim.on("error", () => {});
    const { rows } = await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const sleeping = errorOf(() => victim.query("SELECT pg_sleep(10)"));
    await db.$queryRaw`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`;
    const error = await sleeping;
    expect((error as { code?: string }).code).toBe("57P01");
    expect(isDatabaseUnavailable(error)).toBe(true);
    await victim.end().catch(() => {});
  });

  it("does not mistake a request's own fault for an outage", async () => {
    const divisionByZero = await errorOf(() => db.$executeRaw`SELECT 1/0`);
    expect(isDatabaseUnavailable(divisionByZero)).toBe(false);
    // The same through readRows (pg's own error, no Prisma wrapper).
    expect(isDatabaseUnavailable(await errorOf(() => readRows(Prisma.sql`SELECT 1/0`)))).toBe(false);
    const missing = await errorOf(() => db.user.update({ where: { id: "00000000-0000-4000-8000-000000000000" }, data: { name: "x" } }));
    expect(isDatabaseUnavailable(missing)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Something else broke"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
