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
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type GlossPrismaClient = ReturnType<typeof createPrismaClient>;

// Dev-server hot reloads re-evaluate modules; keep one client per process.
const globalForPrisma = globalThis as unknown as { glossPrisma?: GlossPrismaClient };

export const db: GlossPrismaClient = globalForPrisma.glossPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.glossPrisma = db;
