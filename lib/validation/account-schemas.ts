import { z } from "zod";
import "./zod-without-eval";
import { displayNameSchema, newPassword, PASSWORD_MAX_LENGTH } from "./auth-schemas";

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
