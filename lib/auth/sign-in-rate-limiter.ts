import type pg from "pg";
import { countAttempt, createAttemptCounter, getRateLimitPool, keyOf, type AttemptLimit, type AttemptVerdict } from "./rate-limit-store";

export interface SignInLimits {
  perEmail: AttemptLimit;
  perAddress: AttemptLimit;
  /** Sign-ins to an account from a device it signed in on before (lib/auth/trusted-device.ts). */
  perTrustedDevice: AttemptLimit;
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
  perTrustedDevice: { attempts: 10, windowSeconds: 15 * 60 },
};

export interface SignInAttemptKeys {
  /** Normalised (trimmed, lower-case) email. */
  email: string;
  clientAddress: string;
  /** Set when the browser carries a valid trusted-device cookie for this email. */
  trustedDeviceId?: string | null;
}

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

export function createSignInRateLimiter(options: SignInRateLimiterOptions): SignInRateLimiter {
  const { pool, limits = SIGN_IN_LIMITS, namespace = "sign-in" } = options;
  const byEmail = createAttemptCounter(pool, `${namespace}-email`, limits.perEmail);
  const byAddress = createAttemptCounter(pool, `${namespace}-address`, limits.perAddress);
  const byTrustedDevice = createAttemptCounter(pool, `${namespace}-device`, limits.perTrustedDevice);

  return {
    beginAttempt({ email, clientAddress, trustedDeviceId }) {
      // A known device is counted on its own: failures from elsewhere cannot lock it out.
      if (trustedDeviceId) return countAttempt([[byTrustedDevice, `${email}\n${trustedDeviceId}`]]);
      return countAttempt([
        [byEmail, email],
        [byAddress, clientAddress],
      ]);
    },
    async recordSuccess({ email, clientAddress, trustedDeviceId }) {
      if (trustedDeviceId) await byTrustedDevice.delete(keyOf(`${email}\n${trustedDeviceId}`));
      else await Promise.all([byEmail.delete(keyOf(email)), byAddress.reward(keyOf(clientAddress))]);
    },
  };
}

const globalForLimiter = globalThis as unknown as { glossSignInRateLimiter?: SignInRateLimiter };

/** The limiter the app uses, with SIGN_IN_LIMITS, on DATABASE_URL. */
export function getSignInRateLimiter(): SignInRateLimiter {
  globalForLimiter.glossSignInRateLimiter ??= createSignInRateLimiter({ pool: getRateLimitPool() });
  return globalForLimiter.glossSignInRateLimiter;
}
