import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateCredentials, type CredentialsOutcome } from "@/lib/auth/authenticate-credentials";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { routes, safeCallbackPath } from "@/lib/routes";
import { SIGN_IN_UNAVAILABLE, tooManyAttemptsCode } from "@/lib/auth/sign-in-errors";
import { signInSchema } from "@/lib/api/accounts";
import { serverEnv } from "@/lib/env";

const THIRTY_DAYS_IN_SECONDS = 30 * 24 * 60 * 60;

function createAuthOptions(): NextAuthOptions {
  return {
    // Signs and encrypts the session cookie; read when the first request needs it, not at import.
    secret: serverEnv().NEXTAUTH_SECRET,
    // Sessions live in a signed, encrypted cookie (JWT): no session table, no query per request.
    session: { strategy: "jwt", maxAge: THIRTY_DAYS_IN_SECONDS },
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
          let result: CredentialsOutcome;
          try {
            result = await authenticateCredentials({ ...input.data, clientAddress: clientAddressFrom(request.headers ?? {}) });
          } catch (error) {
            // next-auth would put the message in the redirect URL; keep faults (database down…) in the log.
            console.error("[gloss] sign-in could not be checked:", error);
            throw new Error(SIGN_IN_UNAVAILABLE);
          }
          if (result.outcome === "rate-limited") throw new Error(tooManyAttemptsCode(result.retryAfterSeconds));
          return result.outcome === "signed-in" ? result.viewer : null;
        },
      }),
    ],
    callbacks: {
      // `user` is only present on the sign-in itself; later the token carries id (sub), name and email.
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
        }
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
  };
}

let authOptions: NextAuthOptions | undefined;

/** The one next-auth configuration: the route handler and getViewer both use it. */
export function getAuthOptions(): NextAuthOptions {
  authOptions ??= createAuthOptions();
  return authOptions;
}
