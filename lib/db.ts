import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of the app. Password hashes are omitted from every
 * query unless a caller asks for them by name (only lib/auth does).
 *
 * Nothing here throws at import time: `next build` imports route modules
 * while collecting page data, and `pg` connects lazily anyway.
 */
function createPrismaClient() {
  const adapter = new PrismaPg({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // While PostgreSQL is away a request waits at most this long for a
    // connection, then answers 503 (lib/database-unavailable.ts) instead of
    // hanging; the pool opens fresh connections once it is back.
    connectionTimeoutMillis: 3_000,
    // Notice a vanished server on idle connections too.
    keepAlive: true,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type GlossPrismaClient = ReturnType<typeof createPrismaClient>;

// Dev-server hot reloads re-evaluate modules; keep one client per process.
const globalForPrisma = globalThis as unknown as { glossPrisma?: GlossPrismaClient };

export const db: GlossPrismaClient = globalForPrisma.glossPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.glossPrisma = db;
