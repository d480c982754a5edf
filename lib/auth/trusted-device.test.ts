import { describe, expect, it } from "vitest";
import { cookieFromHeader, issueTrustedDevice, trustedDeviceId } from "./trusted-device";

const SECRET = "s".repeat(32);

describe("trusted-device cookies", () => {
  it("name a device for the email they were issued for, and for no other", () => {
    const cookie = issueTrustedDevice(SECRET, "ada@example.com");
    const deviceId = trustedDeviceId(SECRET, "ada@example.com", cookie);
    expect(deviceId).toMatch(/^[\w-]{20,}$/);
    expect(trustedDeviceId(SECRET, "eve@example.com", cookie)).toBeNull();
    expect(trustedDeviceId("t".repeat(32), "ada@example.com", cookie)).toBeNull();
  });

  it("cannot be forged or altered", () => {
    const cookie = issueTrustedDevice(SECRET, "ada@example.com");
    const [deviceId, signature] = cookie.split(".");
    for (const forged of [`other.${signature}`, `${deviceId}.${signature!.slice(1)}x`, `${deviceId}`, `${cookie}.extra`, "", undefined]) {
      expect(trustedDeviceId(SECRET, "ada@example.com", forged), String(forged)).toBeNull();
    }
  });

  it("are read from a Cookie header", () => {
    expect(cookieFromHeader("a=1; gloss-trusted-device=x.y; b=2", "gloss-trusted-device")).toBe("x.y");
    expect(cookieFromHeader(undefined, "gloss-trusted-device")).toBeUndefined();
  });
});
