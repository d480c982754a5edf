import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { decodeSessionToken } from "@/lib/auth/decode-session-token";
import { signInPath } from "@/lib/routes";
import { findLiveSession } from "@/lib/auth/user-sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { unauthorized } from "@/lib/api/errors";

/**
 * The signed-in reader of this request, or null. Reads the session cookie, so
 * calling it makes a page dynamic: article pages never do (the header learns
 * who is signed in on the client); route handlers and actions do.
 *
 * It decrypts the session JWT itself rather than going through
 * getServerSession, which runs next-auth's whole session endpoint (callbacks,
 * re-encrypting a refreshed cookie) on every call: several times the cost on
 * the hot annotation list (BENCHMARKS.md), and remembers decrypted tokens
 * (decode-session-token.ts). The session must also still be live
 * (lib/auth/user-sessions.ts: one primary-key read), which also gives the
 * reader's current name.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const request = {
    cookies: Object.fromEntries(cookieStore.getAll().map((cookie) => [cookie.name, cookie.value])),
    headers: Object.fromEntries(headerList.entries()),
  } as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req: request, secret: getAuthOptions().secret, decode: decodeSessionToken });
  if (!token?.sub) return null;
  // Signed out, signed out everywhere, or the account deleted: the token alone is not enough.
  const session = await findLiveSession(token.sid, token.sub);
  if (!session) return null;
  return { id: token.sub, name: session.name, email: session.email, sessionId: token.sid };
});

/** For route handlers and actions: the viewer, or a 401 through handleRoute. */
export async function requireUser(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw unauthorized();
  return viewer;
}

/** For pages: the viewer, or a redirect to sign-in that comes back to `returnPath`. */
export async function requireUserOrRedirect(returnPath: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInPath(returnPath));
  return viewer;
}
