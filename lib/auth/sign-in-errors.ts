// Error codes travel from the Credentials provider to the form through
// next-auth's `error` parameter; this module is shared by both ends.

/** next-auth's own code when `authorize` returns null. */
const INVALID_CREDENTIALS = "CredentialsSignin";
const TOO_MANY_ATTEMPTS = "TooManyAttempts";
/** The check itself failed (a fault on our side, logged on the server). */
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";

export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";

export function tooManyAttemptsCode(retryAfterSeconds: number): string {
  return `${TOO_MANY_ATTEMPTS}:${retryAfterSeconds}`;
}

/** What the sign-in form says for an error code from next-auth. */
export function signInErrorMessage(code: string): string {
  if (code === INVALID_CREDENTIALS) return WRONG_CREDENTIALS_MESSAGE;
  if (code.startsWith(`${TOO_MANY_ATTEMPTS}:`)) {
    const seconds = Number(code.slice(TOO_MANY_ATTEMPTS.length + 1));
    const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
    return `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  if (code === SIGN_IN_UNAVAILABLE) return "Signing in is not working on our side right now. Please try again in a moment.";
  return "Signing in did not work. Please try again.";
}
