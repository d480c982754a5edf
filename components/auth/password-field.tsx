import { PASSWORD_MIN_LENGTH } from "@/lib/api/accounts";
import { TextField, type TextFieldProps } from "./text-field";

/**
 * A password field: the reader's current password (the password manager fills
 * it in) or a new one (it may suggest one; the hint says how long it must be).
 */
export function PasswordField({ purpose, ...props }: Omit<TextFieldProps, "type" | "autoComplete" | "hint"> & { purpose: "current" | "new" }) {
  const hint = purpose === "new" ? `At least ${PASSWORD_MIN_LENGTH} characters.` : undefined;
  return <TextField type="password" autoComplete={`${purpose}-password`} hint={hint} {...props} />;
}
