import { randomUUID } from "node:crypto";

/** An email no other test uses, already in the normalised (lower-case) form. */
export function uniqueTestEmail(label = "reader"): string {
  return `${label}-${randomUUID()}@example.com`;
}
