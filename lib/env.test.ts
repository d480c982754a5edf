import { describe, expect, it } from "vitest";
import { defaultPoolSize, serverEnv, validateDatabaseEnv, validateServerEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://user:pw@127.0.0.1:5432/gloss",
  NEXTAUTH_SECRET: "x".repeat(43),
};

describe("validateServerEnv", () => {
  it("accepts a complete environment", () => {
    expect(validateServerEnv({ ...valid, NEXTAUTH_URL: "https://gloss.example" })).toMatchObject(valid);
  });

  it.each([
    ["a missing database URL", { NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET }, /DATABASE_URL/],
    ["a non-PostgreSQL URL", { ...valid, DATABASE_URL: "mysql://x@y/z" }, /DATABASE_URL: must be a postgresql:\/\/ URL/],
    ["a short secret", { ...valid, NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET: must be at least 32 characters/],
    ["a missing secret", { DATABASE_URL: valid.DATABASE_URL }, /NEXTAUTH_SECRET/],
  ])("names the variable for %s", (_label, env, message) => {
    expect(() => validateServerEnv(env)).toThrow(message);
  });

  it("fills in defaults and reads flags as booleans", () => {
    expect(validateServerEnv(valid)).toMatchObject({ DATABASE_POOL_SIZE: defaultPoolSize(), GLOSS_TRUST_PROXY: false, GLOSS_BENCH: false, NODE_ENV: "development" });
    expect(validateServerEnv({ ...valid, DATABASE_POOL_SIZE: "4", GLOSS_TRUST_PROXY: "1", GLOSS_BENCH: "1" })).toMatchObject({
      DATABASE_POOL_SIZE: 4,
      GLOSS_TRUST_PROXY: true,
      GLOSS_BENCH: true,
    });
    expect(() => validateServerEnv({ ...valid, GLOSS_BENCH: "yes" })).toThrow(/GLOSS_BENCH/);
  });

  it("lets only unit tests run without a session secret", () => {
    expect(validateServerEnv({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: "test" }).NEXTAUTH_SECRET).toBeUndefined();
    expect(() => validateServerEnv({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
  });
});

describe("validateDatabaseEnv", () => {
  it("asks scripts that only use the database (seeding, backups, benchmarks) for nothing else", () => {
    const env = { DATABASE_URL: "postgresql://gloss@127.0.0.1:5432/gloss", NODE_ENV: "production" };
    expect(validateDatabaseEnv(env)).toEqual({ DATABASE_URL: env.DATABASE_URL, DATABASE_POOL_SIZE: defaultPoolSize() });
    expect(() => validateServerEnv(env)).toThrow(/NEXTAUTH_SECRET/);
    expect(() => validateDatabaseEnv({})).toThrow(/DATABASE_URL/);
  });
});

describe("defaultPoolSize", () => {
  it("is twice the cores, never below 4 nor above pg's own 10", () => {
    expect([1, 2, 3, 4, 5, 16].map((cores) => defaultPoolSize(cores))).toEqual([4, 4, 6, 8, 10, 10]);
  });
});

describe("serverEnv", () => {
  it("validates the process environment once and remembers it", () => {
    expect(serverEnv()).toBe(serverEnv());
    expect(serverEnv().DATABASE_URL).toMatch(/^postgres/);
  });
});
