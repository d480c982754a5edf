import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's device cookies, against lockout as a weapon: a browser that has
 * signed in to an account before carries a signed cookie saying so. Its
 * sign-ins to that account are counted apart, per device, and never against
 * the account's or the address's limits — so a flood of wrong passwords from
 * elsewhere, which does lock those, cannot keep the reader out on a device
 * they have used. Without the secret nobody can make one; a stolen one is
 * still limited by its own counter, and still needs the password.
 */
export const TRUSTED_DEVICE_COOKIE = "gloss-trusted-device";
export const TRUSTED_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function signature(secret: string, email: string, deviceId: string): string {
  return createHmac("sha256", secret).update(`trusted-device\n${email}\n${deviceId}`).digest("base64url");
}

/** A new cookie value for `email` (normalised) on a new device. */
export function issueTrustedDevice(secret: string, email: string): string {
  const deviceId = randomBytes(16).toString("base64url");
  return `${deviceId}.${signature(secret, email, deviceId)}`;
}

/** The device's id when `cookieValue` is a valid trusted-device cookie for `email`, else null. */
export function trustedDeviceId(secret: string, email: string, cookieValue: string | undefined): string | null {
  const [deviceId, given, ...rest] = (cookieValue ?? "").split(".");
  if (!deviceId || !given || rest.length > 0) return null;
  const expected = Buffer.from(signature(secret, email, deviceId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? deviceId : null;
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function cookieFromHeader(header: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(header) ? header.join("; ") : (header ?? "");
  for (const part of text.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
