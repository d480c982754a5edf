import { describe, expect, it } from "vitest";
import { validateServerEnv } from "./env";

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
});
