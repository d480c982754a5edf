import { passwordHashForUnknownUser, verifyPassword } from "@/lib/auth/password-hashing";
import { getSignInRateLimiter, type SignInRateLimiter } from "@/lib/auth/sign-in-rate-limiter";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { SignInInput } from "@/lib/api/accounts";

export type CredentialsOutcome =
  | { outcome: "signed-in"; viewer: Viewer }
  /** Unknown email and wrong password alike, so nobody can probe which emails have accounts. */
  | { outcome: "invalid" }
  | { outcome: "rate-limited"; retryAfterSeconds: number };

export interface AuthenticateCredentialsOptions extends SignInInput {
  clientAddress: string;
  /** The id of this browser's valid trusted-device cookie for the email, if it has one. */
  trustedDeviceId?: string | null;
  rateLimiter?: SignInRateLimiter;
}

/**
 * Checks an email and password. The attempt is counted before the password
 * is checked, so parallel guesses cannot slip past the limit, and a correct
 * password is refused too while the limit holds (or the limiter would tell
 * a guesser when it had guessed right).
 */
export async function authenticateCredentials(options: AuthenticateCredentialsOptions): Promise<CredentialsOutcome> {
  const { email, password, clientAddress, trustedDeviceId, rateLimiter = getSignInRateLimiter() } = options;
  const verdict = await rateLimiter.beginAttempt({ email, clientAddress, trustedDeviceId });
  if (!verdict.allowed) return { outcome: "rate-limited", retryAfterSeconds: verdict.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  // An unknown email still costs one Argon2 verification: timing must not tell the two apart.
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await passwordHashForUnknownUser()), password);
  if (!user || !passwordMatches) return { outcome: "invalid" };

  await rateLimiter.recordSuccess({ email, clientAddress, trustedDeviceId });
  return { outcome: "signed-in", viewer: { id: user.id, name: user.name, email: user.email } };
}
