import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { serverEnv } from "@/lib/env";

export interface AttemptLimit {
  attempts: number;
  windowSeconds: number;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Keys are hashed: emails and header-derived addresses stay out of the table and within varchar(255).
export const keyOf = (value: string) => createHash("sha256").update(value).digest("hex");

/** A counter of attempts per key in PostgreSQL, so limits hold across app instances. */
export function createAttemptCounter(pool: pg.Pool, keyPrefix: string, limit: AttemptLimit): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    // Created by prisma/migrations (model RateLimit): key varchar(255) primary key, points integer, expire bigint.
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix,
    points: limit.attempts,
    duration: limit.windowSeconds,
  });
}

/** Counts one attempt on each counter (all of them, even once one refuses); refused once any is over its limit. */
export async function countAttempt(counts: [RateLimiterPostgres, string][]): Promise<AttemptVerdict> {
  const outcomes = await Promise.allSettled(counts.map(([counter, key]) => counter.consume(keyOf(key))));
  let retryAfterMs = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "fulfilled") continue;
    // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    retryAfterMs = Math.max(retryAfterMs, outcome.reason.msBeforeNext);
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { allowed: true };
}

// One small pool beside Prisma's: the library speaks to `pg` directly. Kept across dev reloads.
const globalForPool = globalThis as unknown as { glossRateLimitPool?: pg.Pool };

/** The pool the app's limiters count on (DATABASE_URL). */
export function getRateLimitPool(): pg.Pool {
  globalForPool.glossRateLimitPool ??= new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
  return globalForPool.glossRateLimitPool;
}
