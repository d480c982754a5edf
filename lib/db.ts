import { PrismaPg } from "@prisma/adapter-pg";
import { databaseEnv, isProduction } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

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
      return new PrismaPg({
        connectionString: DATABASE_URL,
        max: DATABASE_POOL_SIZE,
        // While PostgreSQL is away a request waits at most this long for a
        // connection, then answers 503 (lib/database-unavailable.ts) instead of
        // hanging; the pool opens fresh connections once it is back.
        connectionTimeoutMillis: 3_000,
        // Notice a vanished server on idle connections too.
        keepAlive: true,
      }).connect();
    },
  };
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type GlossPrismaClient = ReturnType<typeof createPrismaClient>;

// Dev-server hot reloads re-evaluate modules; keep one client per process.
const globalForPrisma = globalThis as unknown as { glossPrisma?: GlossPrismaClient };

export const db: GlossPrismaClient = globalForPrisma.glossPrisma ?? createPrismaClient();
if (!isProduction) globalForPrisma.glossPrisma = db;
