import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { signInPath } from "@/lib/auth/safe-callback-path";
import type { Viewer } from "@/lib/auth/viewer";
import { unauthorized } from "@/lib/http/route-handler";

/**
 * The signed-in reader of this request, or null. Reads the session cookie, so
 * calling it makes a page dynamic: article pages never do (the header learns
 * who is signed in on the client); route handlers and actions do.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user?.id || !user.name || !user.email) return null;
  return { id: user.id, name: user.name, email: user.email };
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
