import { describe, expect, it } from "vitest";
import { SIGN_IN_UNAVAILABLE, signInErrorMessage, tooManyAttemptsCode, WRONG_CREDENTIALS_MESSAGE } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("says the same thing for every wrong email or password", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe(WRONG_CREDENTIALS_MESSAGE);
  });

  it("tells a locked-out reader how long to wait, in whole minutes", () => {
    expect(signInErrorMessage(tooManyAttemptsCode(900))).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(signInErrorMessage(tooManyAttemptsCode(61))).toBe("Too many sign-in attempts. Try again in 2 minutes.");
    expect(signInErrorMessage(tooManyAttemptsCode(5))).toBe("Too many sign-in attempts. Try again in 1 minute.");
  });

  it("owns up to faults on our side and stays vague about anything unexpected", () => {
    expect(signInErrorMessage(SIGN_IN_UNAVAILABLE)).toMatch(/on our side/);
    expect(signInErrorMessage("connect ECONNREFUSED 127.0.0.1:5432")).toBe("Signing in did not work. Please try again.");
  });
});
