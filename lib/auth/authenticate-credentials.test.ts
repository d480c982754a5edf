import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateCredentials } from "./authenticate-credentials";
import { registerUser } from "./register-user";
import { createSignInRateLimiter, type SignInRateLimiter } from "./sign-in-rate-limiter";
import { uniqueTestEmail } from "@/test-support/accounts";
import { serverEnv } from "@/lib/env";

let pool: pg.Pool;
let rateLimiter: SignInRateLimiter;
const created: string[] = [];

beforeAll(() => {
  pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
  rateLimiter = createSignInRateLimiter({
    pool,
    namespace: `test-${randomUUID()}`,
    limits: { perEmail: { attempts: 3, windowSeconds: 600 }, perAddress: { attempts: 1000, windowSeconds: 600 }, perTrustedDevice: { attempts: 3, windowSeconds: 600 } },
  });
});
afterAll(async () => {
  await db.user.deleteMany({ where: { email: { in: created } } });
  await pool.end();
});

async function newUser(password: string) {
  const user = await registerUser({ name: "Reader", email: uniqueTestEmail(), password });
  created.push(user.email);
  return user;
}

const attempt = (email: string, password: string) =>
  authenticateCredentials({ email, password, clientAddress: "198.51.100.20", rateLimiter });

describe("authenticateCredentials", () => {
  it("signs in with the right password and hands back the viewer, never the hash", async () => {
    const user = await newUser("right password");
    const result = await attempt(user.email, "right password");
    expect(result).toEqual({ outcome: "signed-in", viewer: { id: user.id, name: "Reader", email: user.email } });
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const user = await newUser("right password");
    expect(await attempt(user.email, "wrong password")).toEqual({ outcome: "invalid" });
    expect(await attempt(uniqueTestEmail("nobody"), "right password")).toEqual({ outcome: "invalid" });
  });

  it("refuses even the right password while the email is locked, then a success resets the count", async () => {
    const locked = await newUser("right password");
    for (let i = 0; i < 3; i += 1) expect((await attempt(locked.email, "wrong")).outcome).toBe("invalid");
    expect(await attempt(locked.email, "right password")).toEqual({ outcome: "rate-limited", retryAfterSeconds: expect.any(Number) });

    const other = await newUser("right password");
    expect((await attempt(other.email, "wrong")).outcome).toBe("invalid");
    expect((await attempt(other.email, "wrong")).outcome).toBe("invalid");
    expect((await attempt(other.email, "right password")).outcome).toBe("signed-in");
    // The success wiped the two failures: three more tries are allowed before the lock.
    for (let i = 0; i < 3; i += 1) expect((await attempt(other.email, "wrong")).outcome).toBe("invalid");
    expect((await attempt(other.email, "right password")).outcome).toBe("rate-limited");
  });
});
