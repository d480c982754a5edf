import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseEnv, isProduction } from "@/lib/env";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

// Dev-server hot reloads re-evaluate modules; keep one client (and the pool under it) per process.
const globalForPrisma = globalThis as unknown as { glossPrisma?: GlossPrismaClient; glossPool?: { pool: pg.Pool | null } };

// The pool under Prisma's adapter, also used by readRows. A fresh one each time Prisma connects (after a $disconnect).
const poolHolder = globalForPrisma.glossPool ?? { pool: null };
if (!isProduction) globalForPrisma.glossPool = poolHolder;

/**
 * The one Prisma client of the app. Password hashes are omitted from every
 * query unless a caller asks for them by name (only lib/auth does).
 *
 * Nothing here throws at import time: `next build` imports route modules
 * while collecting page data. The environment is read (and validated) when
 * the first query connects.
 */
function createPrismaClient() {
  const adapter: Pick<PrismaPg, "provider" | "adapterName" | "connect"> = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect() {
      const { DATABASE_URL, DATABASE_POOL_SIZE } = databaseEnv();
      poolHolder.pool = new pg.Pool({
        connectionString: DATABASE_URL,
        max: DATABASE_POOL_SIZE,
        // While PostgreSQL is away a request waits at most this long for a
        // connection, then answers 503 (lib/database-unavailable.ts) instead of
        // hanging; the pool opens fresh connections once it is back.
        connectionTimeoutMillis: 3_000,
        // Notice a vanished server on idle connections too.
        keepAlive: true,
      });
      return new PrismaPg(poolHolder.pool, { disposeExternalPool: true }).connect();
    },
  };
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type GlossPrismaClient = ReturnType<typeof createPrismaClient>;

export const db: GlossPrismaClient = globalForPrisma.glossPrisma ?? createPrismaClient();
if (!isProduction) globalForPrisma.glossPrisma = db;

/**
 * Rows of a read-only statement, sent on Prisma's own pool straight through
 * `pg`: for the hottest reads (the session check of every signed-in request,
 * the notebook's pages), where Prisma's handling of a raw query costs about
 * as much as PostgreSQL's answer (BENCHMARKS.md, Notebook). Same connection
 * limits, same errors (lib/database-unavailable.ts knows pg's); values are
 * bound as parameters, as $queryRaw binds them. Columns arrive as `pg` types
 * them (text, text[], int, bool: as $queryRaw would give).
 */
export async function readRows<Row extends pg.QueryResultRow>(query: Prisma.Sql): Promise<Row[]> {
  if (!poolHolder.pool || poolHolder.pool.ended) await db.$connect();
  return (await poolHolder.pool!.query<Row>(query.text, query.values)).rows;
}
