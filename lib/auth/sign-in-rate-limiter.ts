import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

export interface AttemptLimit {
  attempts: number;
  windowSeconds: number;
}

export interface SignInLimits {
  perEmail: AttemptLimit;
  perAddress: AttemptLimit;
}

/**
 * Per email: slows password guessing against one account to 10 tries a
 * quarter hour. Per client address: stops one machine trying many accounts;
 * high enough for a shared office address or a whole end-to-end test run
 * (see lib/auth/client-address.ts for how the address is known).
 */
export const SIGN_IN_LIMITS: SignInLimits = {
  perEmail: { attempts: 10, windowSeconds: 15 * 60 },
  perAddress: { attempts: 50, windowSeconds: 15 * 60 },
};

export interface SignInAttemptKeys {
  /** Normalised (trimmed, lower-case) email. */
  email: string;
  clientAddress: string;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInRateLimiter {
  /** Counts an attempt against the email and the address; refused once either is over its limit. */
  beginAttempt(keys: SignInAttemptKeys): Promise<AttemptVerdict>;
  /** After a correct password: the email starts afresh and the address gets its attempt back. */
  recordSuccess(keys: SignInAttemptKeys): Promise<void>;
}

export interface SignInRateLimiterOptions {
  pool: pg.Pool;
  limits?: SignInLimits;
  /** Prefix of the counters' keys; tests pass their own so they never share counters. */
  namespace?: string;
}

// Keys are hashed: emails and header-derived addresses stay out of the table and within varchar(255).
const keyOf = (value: string) => createHash("sha256").update(value).digest("hex");

export function createSignInRateLimiter(options: SignInRateLimiterOptions): SignInRateLimiter {
  const { pool, limits = SIGN_IN_LIMITS, namespace = "sign-in" } = options;
  const limiter = (name: string, limit: AttemptLimit) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      // Created by prisma/migrations (model RateLimit): key varchar(255) primary key, points integer, expire bigint.
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: `${namespace}-${name}`,
      points: limit.attempts,
      duration: limit.windowSeconds,
    });
  const byEmail = limiter("email", limits.perEmail);
  const byAddress = limiter("address", limits.perAddress);

  return {
    async beginAttempt({ email, clientAddress }) {
      const outcomes = await Promise.allSettled([byEmail.consume(keyOf(email)), byAddress.consume(keyOf(clientAddress))]);
      let retryAfterMs = 0;
      for (const outcome of outcomes) {
        if (outcome.status === "fulfilled") continue;
        // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
        retryAfterMs = Math.max(retryAfterMs, outcome.reason.msBeforeNext);
      }
      return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { allowed: true };
    },
    async recordSuccess({ email, clientAddress }) {
      await Promise.all([byEmail.delete(keyOf(email)), byAddress.reward(keyOf(clientAddress))]);
    },
  };
}

// One small pool beside Prisma's: the library speaks to `pg` directly. Kept across dev reloads.
const globalForLimiter = globalThis as unknown as { glossSignInRateLimiter?: SignInRateLimiter };

/** The limiter the app uses, with SIGN_IN_LIMITS, on DATABASE_URL. */
export function getSignInRateLimiter(): SignInRateLimiter {
  globalForLimiter.glossSignInRateLimiter ??= createSignInRateLimiter({
    pool: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }),
  });
  return globalForLimiter.glossSignInRateLimiter;
}
