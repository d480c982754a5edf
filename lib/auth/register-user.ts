import { UNKNOWN_CLIENT_ADDRESS } from "@/lib/auth/client-address";
import { hashPassword } from "@/lib/auth/password-hashing";
import { getSignUpRateLimiter, type SignUpRateLimiter } from "@/lib/auth/sign-up-rate-limiter";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SignUpInput } from "@/lib/api/accounts";
import { AppError } from "@/lib/api/errors";

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead?";

export interface RegisterUserOptions {
  /** Where the sign-up comes from (lib/auth/client-address.ts). */
  clientAddress?: string;
  rateLimiter?: SignUpRateLimiter;
}

/**
 * Creates an account from validated input (email already trimmed and
 * lower-cased by the schema). The unique index decides races: of two
 * sign-ups with one email, the second gets the same 409 as any duplicate.
 * Sign-ups are counted per client address before the password is hashed;
 * over the limit, a 429 says when to try again.
 */
export async function registerUser(input: SignUpInput, options: RegisterUserOptions = {}): Promise<Viewer> {
  const { clientAddress = UNKNOWN_CLIENT_ADDRESS, rateLimiter = getSignUpRateLimiter() } = options;
  const verdict = await rateLimiter.beginSignUp(clientAddress);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    throw new AppError("rate_limited", `Too many new accounts from here. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("email_taken", EMAIL_TAKEN_MESSAGE, { email: [EMAIL_TAKEN_MESSAGE] });
    }
    throw error;
  }
}
