import { hashPassword } from "@/lib/auth/password-hashing";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/route-handler";
import type { SignUpInput } from "@/lib/validation/auth-schemas";

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead?";

/**
 * Creates an account from validated input (email already trimmed and
 * lower-cased by the schema). The unique index decides races: of two
 * sign-ups with one email, the second gets the same 409 as any duplicate.
 */
export async function registerUser(input: SignUpInput): Promise<Viewer> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new HttpError(409, "email_taken", EMAIL_TAKEN_MESSAGE, { email: [EMAIL_TAKEN_MESSAGE] });
    }
    throw error;
  }
}
