import { createHash } from "node:crypto";
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
        // readRows' named statements are planned for each run's values (see there). Prisma's statements are
        // unnamed, planned for their values anyway: nothing changes for them. A connection is handed out only
        // once this succeeded (a failure fails the request, as a failed connect would).
        onConnect: (client) => client.query("SET plan_cache_mode = force_custom_plan"),
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
 * The name of the prepared statement for `text`: the same text, the same
 * name, in every process (a connection's statements are its own).
 */
export function preparedStatementName(text: string): string {
  return `gloss_${createHash("sha1").update(text).digest("hex")}`;
}

/**
 * Rows of a read-only statement, sent on Prisma's own pool straight through
 * `pg`: for the hottest reads (the session check of every signed-in request,
 * the notebook's pages), where Prisma's handling of a raw query costs about
 * as much as PostgreSQL's answer (BENCHMARKS.md, Notebook). Same connection
 * limits, same errors (lib/database-unavailable.ts knows pg's); values are
 * bound as parameters, as $queryRaw binds them. Columns arrive as `pg` types
 * them (text, text[], int, bool: as $queryRaw would give).
 *
 * Each statement is prepared once per connection, under a name taken from
 * its text, and only bound and run after that: PostgreSQL parses and
 * analyses it once, not on every request. It still plans it for each
 * request's values (`plan_cache_mode`, set on the pool's connections): a
 * plan made once for any values reads a whole tag's rows for `tag=` (53 ms
 * instead of 1.7) and a search's 88 ms. A prepared statement holds 65–105 kB
 * of its backend's memory for the connection's life, so only statements of
 * a few texts are prepared: a caller whose texts vary more (the notebook's
 * filters combine into hundreds) passes `prepared: false` for the rarer ones,
 * which are then sent unnamed, parsed and planned on every run. A
 * statement whose result a migration changed is answered unnamed once on
 * each connection that had prepared it.
 */
export async function readRows<Row extends pg.QueryResultRow>(query: Prisma.Sql, { prepared = true }: { prepared?: boolean } = {}): Promise<Row[]> {
  if (!poolHolder.pool || poolHolder.pool.ended) await db.$connect();
  const statement = { text: query.text, values: query.values };
  if (!prepared) return (await poolHolder.pool!.query<Row>(statement)).rows;
  try {
    return (await poolHolder.pool!.query<Row>({ ...statement, name: preparedStatementName(query.text) })).rows;
  } catch (error) {
    // A migration changed what the statement returns since this connection prepared it. The pool closes that
    // connection (it failed a query); the answer comes from the statement sent afresh, not a 500.
    if ((error as { code?: string }).code !== CACHED_PLAN_CHANGED_RESULT) throw error;
    return (await poolHolder.pool!.query<Row>(statement)).rows;
  }
}

/** PostgreSQL's "cached plan must not change result type" (feature_not_supported). */
const CACHED_PLAN_CHANGED_RESULT = "0A000";
