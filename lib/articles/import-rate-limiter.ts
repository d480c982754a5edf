import type pg from "pg";
import { countAttempt, createAttemptCounter, getRateLimitPool, type AttemptLimit, type AttemptVerdict } from "@/lib/auth/rate-limit-store";

/**
 * Imports per reader: each one may fetch a page and run a DOM over up to
 * 5 MB, so a script could otherwise load the server (or use it to knock on
 * other sites). Plenty for a person saving what they read; counted in
 * PostgreSQL so the limit holds across app instances.
 */
export const IMPORT_LIMIT: AttemptLimit = { attempts: 60, windowSeconds: 60 * 60 };

export interface ImportRateLimiter {
  beginImport(readerId: string): Promise<AttemptVerdict>;
}

export function createImportRateLimiter({ pool, limit = IMPORT_LIMIT, namespace = "import" }: { pool: pg.Pool; limit?: AttemptLimit; namespace?: string }): ImportRateLimiter {
  const byReader = createAttemptCounter(pool, `${namespace}-reader`, limit);
  return { beginImport: (readerId) => countAttempt([[byReader, readerId]]) };
}

const globalForLimiter = globalThis as unknown as { glossImportRateLimiter?: ImportRateLimiter };

export function getImportRateLimiter(): ImportRateLimiter {
  globalForLimiter.glossImportRateLimiter ??= createImportRateLimiter({ pool: getRateLimitPool() });
  return globalForLimiter.glossImportRateLimiter;
}
