import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { authenticateCredentials, type CredentialsOutcome } from "@/lib/auth/authenticate-credentials";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { routes, safeCallbackPath } from "@/lib/routes";
import { SIGN_IN_UNAVAILABLE, tooManyAttemptsCode } from "@/lib/auth/sign-in-errors";
import {
  cookieFromHeader,
  issueTrustedDevice,
  TRUSTED_DEVICE_COOKIE,
  TRUSTED_DEVICE_MAX_AGE_SECONDS,
  trustedDeviceId,
} from "@/lib/auth/trusted-device";
import { endUserSession, findLiveSession, SESSION_MAX_AGE_SECONDS, startUserSession } from "@/lib/auth/user-sessions";
import { briefError, logger } from "@/lib/log/logger";
import { signInSchema } from "@/lib/api/accounts";
import { serverEnv } from "@/lib/env";

/** Thrown by the jwt callback for a token whose session was ended; next-auth then clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("The session was ended (signed out, signed out everywhere, or the account was deleted).");
    this.name = "SessionEndedError";
  }
}

/** Refusals of bad requests, not faults: logged as one line, without a stack. */
const EXPECTED_NEXT_AUTH_ERRORS = new Set(["INVALID_CALLBACK_URL_ERROR", "CREDENTIALS_SIGNIN_ERROR"]);

/** next-auth's log, into ours: expected refusals as one line, faults with their stack. */
const nextAuthLogger: NextAuthOptions["logger"] = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
    if (error instanceof SessionEndedError) logger.info({ code }, "next-auth: a session that was ended was refused");
    else if (EXPECTED_NEXT_AUTH_ERRORS.has(code)) logger.warn({ code, reason: briefError(error ?? metadata) }, "next-auth refused a request");
    else if (error instanceof Error) logger.error({ code, err: error }, "next-auth error");
    else logger.error({ code, detail: briefError(metadata) }, "next-auth error");
  },
  warn(code) {
    logger.warn({ code }, "next-auth warning");
  },
  debug(code) {
    logger.debug({ code }, "next-auth debug");
  },
};

/**
 * next-auth's production secret signs and encrypts the session cookie. It is
 * read when the first request needs it, not at import: `next build` imports
 * route modules without the server's environment.
 */
function authSecret(): string | undefined {
  // serverEnv() refuses to start without one anywhere but in unit tests.
  return serverEnv().NEXTAUTH_SECRET;
}

/** After a correct password: this browser is a trusted device for the account from now on. */
async function rememberTrustedDevice(secret: string, email: string, secure: boolean) {
  (await cookies()).set(TRUSTED_DEVICE_COOKIE, issueTrustedDevice(secret, email), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/api/auth",
    maxAge: TRUSTED_DEVICE_MAX_AGE_SECONDS,
  });
}

function createAuthOptions(): NextAuthOptions {
  const secret = authSecret();
  // The cookies' signing key; tests and development have a secret too (scripts/lib/bootstrap.ts).
  const deviceSecret = secret ?? "gloss-development-only";
  return {
    secret,
    // Sessions live in a signed, encrypted cookie (JWT): no session table, no query per request.
    // Each also names a row of user_sessions that must still exist (lib/auth/user-sessions.ts).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    logger: nextAuthLogger,
    pages: { signIn: routes.signIn, error: routes.signIn },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          const input = signInSchema.safeParse(credentials);
          if (!input.success) return null;
          const headers = request.headers ?? {};
          const deviceCookie = cookieFromHeader(headers.cookie, TRUSTED_DEVICE_COOKIE);
          const deviceId = trustedDeviceId(deviceSecret, input.data.email, deviceCookie);
          let result: CredentialsOutcome;
          try {
            result = await authenticateCredentials({ ...input.data, clientAddress: clientAddressFrom(headers), trustedDeviceId: deviceId });
          } catch (error) {
            // next-auth would put the message in the redirect URL; keep faults (database down…) in the log.
            logger.error({ err: error }, "sign-in could not be checked");
            throw new Error(SIGN_IN_UNAVAILABLE);
          }
          if (result.outcome === "rate-limited") throw new Error(tooManyAttemptsCode(result.retryAfterSeconds));
          if (result.outcome !== "signed-in") return null;
          if (!deviceId) await rememberTrustedDevice(deviceSecret, input.data.email, serverEnv().NEXTAUTH_URL?.startsWith("https://") ?? false);
          return result.viewer;
        },
      }),
    ],
    callbacks: {
      // `user` is only present on the sign-in itself, which starts a session row; later the token
      // carries id (sub), name, email and that row's id, and counts only while the row exists.
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
          token.sid = await startUserSession(user.id);
          return token;
        }
        const session = await findLiveSession(token.sid, token.sub);
        if (!session) throw new SessionEndedError();
        token.name = session.name;
        token.email = session.email;
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.sub ?? "", name: token.name ?? "", email: token.email ?? "" };
        return session;
      },
      // Only ever back into Gloss, whatever callbackUrl a link carried.
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      // Signing out ends this device's session for good: a copy of its cookie no longer signs anyone in.
      async signOut({ token }) {
        await endUserSession(token?.sid);
      },
    },
  };
}

let authOptions: NextAuthOptions | undefined;

/** The one next-auth configuration: the route handler and getViewer both use it. */
export function getAuthOptions(): NextAuthOptions {
  authOptions ??= createAuthOptions();
  return authOptions;
}
