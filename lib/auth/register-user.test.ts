import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import { signUpSchema } from "@/lib/api/accounts";
import { verifyPassword } from "./password-hashing";
import { EMAIL_TAKEN_MESSAGE, registerUser } from "./register-user";
import { createSignUpRateLimiter } from "./sign-up-rate-limiter";
import { uniqueTestEmail } from "@/test-support/accounts";
import { serverEnv } from "@/lib/env";

const created: string[] = [];
const pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
afterAll(async () => {
  await db.user.deleteMany({ where: { email: { in: created } } });
  await pool.end();
});

async function register(raw: { name: string; email: string; password: string }) {
  const user = await registerUser(signUpSchema.parse(raw));
  created.push(user.email);
  return user;
}

async function expectEmailTaken(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "email_taken", fieldErrors: { email: [EMAIL_TAKEN_MESSAGE] } });
}

describe("registerUser", () => {
  it("stores a trimmed name, a lower-case email and an Argon2id hash of the password", async () => {
    const email = uniqueTestEmail();
    const user = await register({ name: "  Ada Lovelace ", email: `  ${email.toUpperCase()} `, password: "analytical engine" });
    expect(user).toEqual({ id: expect.any(String), name: "Ada Lovelace", email });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, passwordHash: true } });
    expect(stored.email).toBe(email);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("analytical engine");
    expect(await verifyPassword(stored.passwordHash, "analytical engine")).toBe(true);
  });

  it("refuses an email that is already registered, also when it differs only in case", async () => {
    const email = uniqueTestEmail();
    await register({ name: "First", email, password: "first password" });
    await expectEmailTaken(register({ name: "Second", email, password: "second password" }));
    await expectEmailTaken(register({ name: "Third", email: email.toUpperCase(), password: "third password" }));
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets exactly one of two simultaneous sign-ups with one email through", async () => {
    const email = uniqueTestEmail();
    const outcomes = await Promise.allSettled([
      register({ name: "One", email, password: "password one" }),
      register({ name: "Two", email: email.toUpperCase(), password: "password two" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    await expectEmailTaken(Promise.reject(rejected?.reason));
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("the password hash", () => {
  it("never appears in a query result unless asked for by name", async () => {
    const email = uniqueTestEmail();
    const { id } = await register({ name: "Private", email, password: "keep me secret" });

    const results: unknown[] = [
      await db.user.findFirst({ where: { email } }),
      await db.user.findUnique({ where: { id } }),
      await db.user.findMany({ where: { email } }),
      await db.user.update({ where: { id }, data: { name: "Still private" } }),
      await db.user.findFirst({ where: { id }, include: { annotations: true } }),
    ];
    for (const result of results) {
      const json = JSON.stringify(result);
      expect(json).not.toMatch(/passwordHash|password_hash|argon2/);
    }
    expect(Object.keys((await db.user.findFirst({ where: { email } })) ?? {})).toEqual(["id", "email", "name", "createdAt"]);
  });

  it("counts sign-ups per client address and refuses one over the limit before hashing, storing nothing", async () => {
    // Its own namespace, so no other test shares these counters.
    const rateLimiter = createSignUpRateLimiter({ pool, limit: { attempts: 2, windowSeconds: 600 }, namespace: `test-${randomUUID()}` });
    const from = (clientAddress: string, email = uniqueTestEmail()) => {
      created.push(email);
      return registerUser(signUpSchema.parse({ name: "Script", email, password: "a long password" }), { clientAddress, rateLimiter });
    };
    await from("203.0.113.9");
    await from("203.0.113.9");
    const refusedEmail = uniqueTestEmail();
    const error = await from("203.0.113.9", refusedEmail).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Try again in (10|9) minutes\./) });
    expect(await db.user.count({ where: { email: refusedEmail } })).toBe(0);
    // Another address has its own count.
    await expect(from("198.51.100.4")).resolves.toMatchObject({ name: "Script" });
  });
});
