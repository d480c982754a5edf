import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "./accounts";

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
}

describe("signUpSchema", () => {
  it("trims names and emails and lower-cases emails, leaving passwords exactly as typed", () => {
    const result = signUpSchema.parse({ name: "  Ada Lovelace ", email: "  Ada@Example.COM ", password: " spaced password " });
    expect(result).toEqual({ name: "Ada Lovelace", email: "ada@example.com", password: " spaced password " });
  });

  it("explains each field that is wrong", () => {
    const result = signUpSchema.safeParse({ name: "   ", email: "ada@", password: "short" });
    expect(fieldErrors(result)).toEqual({
      name: "Enter your name.",
      email: "Enter an email address like name@example.com.",
      password: "Use at least 8 characters.",
    });
  });

  it("accepts the length limits and refuses one more", () => {
    const ok = { name: "n".repeat(80), email: "a@example.com", password: "p".repeat(128) };
    expect(signUpSchema.safeParse(ok).success).toBe(true);
    expect(signUpSchema.safeParse({ ...ok, password: "p".repeat(8) }).success).toBe(true);
    expect(fieldErrors(signUpSchema.safeParse({ ...ok, name: "n".repeat(81) }))).toEqual({ name: "Use at most 80 characters." });
    expect(fieldErrors(signUpSchema.safeParse({ ...ok, password: "p".repeat(129) }))).toEqual({
      password: "Use at most 128 characters.",
    });
    expect(fieldErrors(signUpSchema.safeParse({ ...ok, password: "p".repeat(7) }))).toEqual({
      password: "Use at least 8 characters.",
    });
  });

  it("refuses missing fields, non-strings and names with line breaks", () => {
    expect(Object.keys(fieldErrors(signUpSchema.safeParse({})))).toEqual(["name", "email", "password"]);
    expect(fieldErrors(signUpSchema.safeParse({ name: 42, email: ["a@example.com"], password: null }))).toEqual({
      name: "Enter your name.",
      email: "Enter your email address.",
      password: "Choose a password.",
    });
    expect(fieldErrors(signUpSchema.safeParse({ name: "Ada\nLovelace", email: "a@example.com", password: "long enough" }))).toEqual({
      name: "Use a single line without control characters.",
    });
  });
});

describe("signInSchema", () => {
  it("normalises the email like sign-up does and only asks for some password", () => {
    expect(signInSchema.parse({ email: " Ada@Example.com", password: "x" })).toEqual({ email: "ada@example.com", password: "x" });
    expect(fieldErrors(signInSchema.safeParse({ email: "", password: "" }))).toEqual({
      email: "Enter your email address.",
      password: "Enter your password.",
    });
  });
});
