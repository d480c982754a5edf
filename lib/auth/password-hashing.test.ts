import { describe, expect, it } from "vitest";
import { hashPassword, passwordHashForUnknownUser, verifyPassword } from "./password-hashing";

describe("password hashing", () => {
  it("hashes with Argon2id and a fresh salt, never keeping the password", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toContain("correct horse");
    expect(first).not.toBe(second);
  });

  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("Tr0ub4dor&3 ünïcode");
    expect(await verifyPassword(hash, "Tr0ub4dor&3 ünïcode")).toBe(true);
    expect(await verifyPassword(hash, "Tr0ub4dor&3 unicode")).toBe(false);
    expect(await verifyPassword(hash, "Tr0ub4dor&3 ünïcode ")).toBe(false);
  });

  it("says no, rather than throwing, for a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("keeps one dummy hash for unknown users that matches no password tried", async () => {
    const dummy = await passwordHashForUnknownUser();
    expect(dummy).toMatch(/^\$argon2id\$/);
    expect(await passwordHashForUnknownUser()).toBe(dummy);
    expect(await verifyPassword(dummy, "")).toBe(false);
  });
});
