import { serverEnv } from "@/lib/env";
import type pg from "pg";
import { countAttempt, createAttemptCounter, getRateLimitPool, type AttemptLimit, type AttemptVerdict } from "./rate-limit-store";

/**
 * New accounts per client address (see lib/auth/client-address.ts): each one
 * costs an Argon2 hash, so a flood of sign-ups is a cheap way to load the
 * server, and a script's way to mint accounts. Generous for a shared office
 * address or an end-to-end test run; without a trusted proxy every client
 * shares the one count.
 */
export const SIGN_UP_LIMIT: AttemptLimit = { attempts: 50, windowSeconds: 60 * 60 };

/** SIGN_UP_LIMIT, or GLOSS_SIGN_UPS_PER_HOUR's count (the end-to-end suite signs up more readers than 50 from one address). */
function configuredSignUpLimit(): AttemptLimit {
  const configured = serverEnv().GLOSS_SIGN_UPS_PER_HOUR;
  return configured ? { ...SIGN_UP_LIMIT, attempts: configured } : SIGN_UP_LIMIT;
}

export interface SignUpRateLimiter {
  /** Counts a sign-up from the address, before its password is hashed; refused once over the limit. */
  beginSignUp(clientAddress: string): Promise<AttemptVerdict>;
}

export interface SignUpRateLimiterOptions {
  pool: pg.Pool;
  limit?: AttemptLimit;
  /** Prefix of the counters' keys; tests pass their own so they never share counters. */
  namespace?: string;
}

export function createSignUpRateLimiter(options: SignUpRateLimiterOptions): SignUpRateLimiter {
  const { pool, limit = SIGN_UP_LIMIT, namespace = "sign-up" } = options;
  const byAddress = createAttemptCounter(pool, `${namespace}-address`, limit);
  return { beginSignUp: (clientAddress) => countAttempt([[byAddress, clientAddress]]) };
}

const globalForLimiter = globalThis as unknown as { glossSignUpRateLimiter?: SignUpRateLimiter };

/** The limiter the app uses, with SIGN_UP_LIMIT, on DATABASE_URL. */
export function getSignUpRateLimiter(): SignUpRateLimiter {
  globalForLimiter.glossSignUpRateLimiter ??= createSignUpRateLimiter({ pool: getRateLimitPool(), limit: configuredSignUpLimit() });
  return globalForLimiter.glossSignUpRateLimiter;
}
