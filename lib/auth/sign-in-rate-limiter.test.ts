import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createSignInRateLimiter, type SignInAttemptKeys, type SignInLimits } from "./sign-in-rate-limiter";
import { uniqueTestEmail } from "@/test-support/accounts";
import { serverEnv } from "@/lib/env";

const LIMITS: SignInLimits = {
  perEmail: { attempts: 3, windowSeconds: 60 },
  perAddress: { attempts: 5, windowSeconds: 60 },
  perTrustedDevice: { attempts: 3, windowSeconds: 60 },
};

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
});
afterAll(async () => {
  await pool.end();
});
afterEach(() => {
  vi.useRealTimers();
});

// Each test counts in its own namespace, so tests never share counters.
const newLimiter = () => createSignInRateLimiter({ pool, limits: LIMITS, namespace: `test-${randomUUID()}` });

async function attempts(limiter: ReturnType<typeof createSignInRateLimiter>, keys: SignInAttemptKeys, count: number) {
  const verdicts = [];
  for (let i = 0; i < count; i += 1) verdicts.push(await limiter.beginAttempt(keys));
  return verdicts.map((verdict) => verdict.allowed);
}

describe("sign-in rate limiter", () => {
  it("refuses an email after its attempts are spent, and lets it try again once the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const limiter = newLimiter();
    const keys = { email: uniqueTestEmail(), clientAddress: "198.51.100.7" };

    expect(await attempts(limiter, keys, 4)).toEqual([true, true, true, false]);
    const refused = await limiter.beginAttempt(keys);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    // Other emails (from another address: this one has used its 5) are not affected by this one's limit.
    expect(await attempts(limiter, { email: uniqueTestEmail(), clientAddress: "198.51.100.70" }, 1)).toEqual([true]);

    vi.setSystemTime(Date.now() + 61_000);
    expect(await attempts(limiter, keys, 3)).toEqual([true, true, true]);
  });

  it("starts an email afresh after a successful sign-in", async () => {
    const limiter = newLimiter();
    const keys = { email: uniqueTestEmail(), clientAddress: "198.51.100.8" };
    expect(await attempts(limiter, keys, 3)).toEqual([true, true, true]);
    await limiter.recordSuccess(keys);
    expect(await attempts(limiter, keys, 3)).toEqual([true, true, true]);
    expect(await attempts(limiter, keys, 1)).toEqual([false]);
  });

  it("refuses an address that tries too many emails, whatever the email", async () => {
    const limiter = newLimiter();
    const clientAddress = "203.0.113.50";
    const verdicts = [];
    for (let i = 0; i < 6; i += 1) verdicts.push((await limiter.beginAttempt({ email: uniqueTestEmail(), clientAddress })).allowed);
    expect(verdicts).toEqual([true, true, true, true, true, false]);
    // Another address is still welcome.
    expect((await limiter.beginAttempt({ email: uniqueTestEmail(), clientAddress: "203.0.113.51" })).allowed).toBe(true);
  });

  it("does not count successful sign-ins against the address", async () => {
    const limiter = newLimiter();
    const clientAddress = "203.0.113.60";
    for (let i = 0; i < 8; i += 1) {
      const keys = { email: uniqueTestEmail(), clientAddress };
      expect((await limiter.beginAttempt(keys)).allowed).toBe(true);
      await limiter.recordSuccess(keys);
    }
  });

  it("keeps neither emails nor addresses in clear in the table", async () => {
    const limiter = newLimiter();
    const email = uniqueTestEmail();
    await limiter.beginAttempt({ email, clientAddress: "192.0.2.99" });
    const { rows } = await pool.query<{ key: string }>("SELECT key FROM rate_limits");
    const keys = rows.map((row) => row.key).join("\n");
    expect(keys).not.toContain(email);
    expect(keys).not.toContain("192.0.2.99");
  });

  it("keeps a device the account signed in on before usable while a flood of failures locks the email and the address", async () => {
    const limiter = newLimiter();
    const email = uniqueTestEmail();
    const clientAddress = "198.51.100.99";
    // An attacker spends the email's and the address's attempts.
    expect(await attempts(limiter, { email, clientAddress }, 6)).toEqual([true, true, true, false, false, false]);
    // The reader's own browser, from the same address, still gets in.
    const device = { email, clientAddress, trustedDeviceId: "device-1" };
    expect(await attempts(limiter, device, 1)).toEqual([true]);
    await limiter.recordSuccess(device);
    // Guessing with a (stolen) device cookie is limited by the device's own counter.
    expect(await attempts(limiter, device, 4)).toEqual([true, true, true, false]);
    // And that counter is the device's alone: another trusted device is not affected.
    expect(await attempts(limiter, { ...device, trustedDeviceId: "device-2" }, 1)).toEqual([true]);
  });
});
