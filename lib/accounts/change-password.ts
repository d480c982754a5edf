import { hashPassword, verifyPassword } from "@/lib/auth/password-hashing";
import { getSignInRateLimiter } from "@/lib/auth/sign-in-rate-limiter";
import { endOtherUserSessions } from "@/lib/auth/user-sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ChangePasswordInput } from "@/lib/api/accounts";

export type ChangePasswordOutcome = "changed" | "wrong-password" | "rate-limited";

export interface ChangePasswordOptions {
  viewer: Viewer;
  input: ChangePasswordInput;
  clientAddress: string;
}

/**
 * Sets a new password once the current one is confirmed (guesses at it count
 * against the account's sign-in limit, so a session left open is no way
 * around that), then ends every other session of the account: whoever knew
 * the old password is signed out wherever they were.
 */
export async function changePassword({ viewer, input, clientAddress }: ChangePasswordOptions): Promise<ChangePasswordOutcome> {
  const limiter = getSignInRateLimiter();
  const keys = { email: viewer.email, clientAddress };
  if (!(await limiter.beginAttempt(keys)).allowed) return "rate-limited";
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) return "wrong-password";
  await limiter.recordSuccess(keys);
  await db.user.update({ where: { id: viewer.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await endOtherUserSessions(viewer.id, viewer.sessionId);
  return "changed";
}
