"use client";

import type { Session } from "next-auth";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { routes } from "@/lib/routes";

type Known = { status: "authenticated"; data: Session } | { status: "loading" | "unauthenticated"; data: null };

export type SessionState = Known & {
  /** Asks the server again (after signing in, or after the account's name changed). */
  update: () => Promise<void>;
  /** Signs in with email and password: null once signed in, else next-auth's error code (lib/auth/sign-in-errors.ts). */
  signIn: (credentials: { email: string; password: string }) => Promise<string | null>;
  /** Ends the session on the server (its row is revoked, lib/auth/user-sessions.ts); the page stays. */
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

/**
 * next-auth's answer at /api/auth/session: `{}` when nobody is signed in. Checked
 * by hand, not with zod: this runs on every page's first load, where zod isn't.
 */
function sessionOf(body: unknown): Session | null {
  if (typeof body !== "object" || body === null || !("user" in body)) return null;
  const { user, expires } = body as { user: unknown; expires: unknown };
  if (typeof user !== "object" || user === null || typeof expires !== "string") return null;
  const { id, name, email } = user as Record<string, unknown>;
  if (typeof id !== "string" || typeof name !== "string" || typeof email !== "string") return null;
  return { user: { id, name, email }, expires };
}

async function fetchSession(): Promise<Session | null> {
  const response = await fetch(routes.api.authSession, { cache: "no-store" });
  return response.ok ? sessionOf(await response.json()) : null;
}

/** next-auth's double-submit token, which its sign-in and sign-out endpoints ask for. */
async function fetchCsrfToken(): Promise<string> {
  const response = await fetch(routes.api.authCsrf, { cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (!response.ok || typeof body.csrfToken !== "string") throw new Error(`no CSRF token (HTTP ${response.status})`);
  return body.csrfToken;
}

/** POSTs a form to one of next-auth's endpoints the way its own client does (`json: true` answers with `{url}`). */
async function postToNextAuth(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | null }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await fetchCsrfToken(), callbackUrl: window.location.href, json: "true" });
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  const { url } = (await response.json().catch(() => ({}))) as { url?: unknown };
  return { response, url: typeof url === "string" ? url : null };
}

/**
 * Who is signed in, learnt on the client after the (cached, viewer-independent)
 * page arrives; asked again when the tab comes back into view, so a session
 * ended elsewhere shows. In place of next-auth's SessionProvider, which with
 * its runtime added about 31 KB (minified) to every page's first load.
 */
export function AuthSessionProvider({ children }: { children: ReactNode }) {
  const [known, setKnown] = useState<Known>({ status: "loading", data: null });

  const update = useCallback(
    () =>
      fetchSession().then(
        (session) => setKnown(session ? { status: "authenticated", data: session } : { status: "unauthenticated", data: null }),
        // Offline: keep what we knew (still "loading" on a first visit, as with next-auth's provider).
        () => undefined,
      ),
    [],
  );

  const signIn = useCallback(
    async (credentials: { email: string; password: string }) => {
      const { response, url } = await postToNextAuth(routes.api.authSignInWithCredentials, credentials);
      const error = url ? new URL(url, window.location.href).searchParams.get("error") : null;
      if (!response.ok || error) return error ?? `HTTP ${response.status}`;
      await update();
      return null;
    },
    [update],
  );

  const signOut = useCallback(async () => {
    const { response } = await postToNextAuth(routes.api.authSignOut, {});
    if (!response.ok) throw new Error(`sign-out failed (HTTP ${response.status})`);
    setKnown({ status: "unauthenticated", data: null });
  }, []);

  useEffect(() => {
    void update();
    const onVisible = () => {
      if (document.visibilityState === "visible") void update();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [update]);

  const value = useMemo(() => ({ ...known, update, signIn, signOut }), [known, update, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs an AuthSessionProvider above it");
  return session;
}
