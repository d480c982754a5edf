import { z } from "zod";
import { routes } from "@/lib/routes";
import type { Endpoint } from "./endpoint";
import "./zod-without-eval";
import { DISPLAY_NAME_MESSAGES, displayNameProblem } from "./display-name";

export const NAME_MAX_LENGTH = 80;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
// RFC 5321's limit on a forward path; longer "emails" cannot receive mail.
const EMAIL_MAX_LENGTH = 254;

/** Trimmed and lower-cased, so the unique index on users.email is case-insensitive by construction. */
const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX_LENGTH, `Use an email address of at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email("Enter an email address like name@example.com."));

export const displayNameSchema = z
  .string({ error: "Enter your name." })
  // One spelling per name: a composed "é" and "e" + combining accent are the same name.
  .transform((value) => (value.isWellFormed() ? value.normalize("NFC") : value).trim())
  .pipe(
    z
      .string()
      .min(1, "Enter your name.")
      .max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`)
      // Names are shown in headers and beside notes: one line of visible text, read in its own direction.
      .refine((value) => !/\p{Cc}/u.test(value), "Use a single line without control characters.")
      .superRefine((value, context) => {
        const problem = displayNameProblem(value);
        if (problem) context.addIssue({ code: "custom", message: DISPLAY_NAME_MESSAGES[problem] });
      }),
  );

// Passwords are taken exactly as typed: no trimming, any characters.
export const newPassword = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const signUpSchema = z.object({ name: displayNameSchema, email, password: newPassword });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** POST /api/accounts answers 201 with the new account. */
export const signUpResponseSchema = z.object({ user: z.object({ id: z.string(), name: z.string(), email: z.string() }) });
export type SignUpResponse = z.infer<typeof signUpResponseSchema>;

/** Request shapes of the account page's API (app/api/account/…). */

export const changeNameSchema = z.object({ name: displayNameSchema });
export type ChangeNameInput = z.infer<typeof changeNameSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
  newPassword,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const deleteAccountSchema = z.object({
  email: z.string({ error: "Type your email address to confirm." }).trim().toLowerCase().min(1, "Type your email address to confirm."),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** The accounts API's endpoints, for apiFetch. Signing in goes through next-auth. */
export const accountEndpoints = {
  create: (): Endpoint<SignUpInput, SignUpResponse> => ({ method: "POST", path: routes.api.accounts }),
  changeName: (): Endpoint<ChangeNameInput, unknown> => ({ method: "PATCH", path: routes.api.account }),
  changePassword: (): Endpoint<ChangePasswordInput, unknown> => ({ method: "POST", path: routes.api.accountPassword }),
  signOutEverywhere: (): Endpoint<Record<string, never>, unknown> => ({ method: "DELETE", path: routes.api.accountSessions }),
  remove: (): Endpoint<DeleteAccountInput, unknown> => ({ method: "DELETE", path: routes.api.account }),
};
