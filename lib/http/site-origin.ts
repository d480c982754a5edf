import { serverEnv } from "@/lib/env";

/**
 * The public origin of Gloss, for absolute URLs that leave the site (JSON-LD
 * ids, share links, Open Graph tags). NEXTAUTH_URL names it when set, since
 * behind a proxy the request may carry an internal host; otherwise the
 * request's own origin.
 */
export function siteOrigin(requestUrl?: string | URL): string {
  const configured = serverEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  if (requestUrl !== undefined) return new URL(requestUrl).origin;
  throw new Error("Set NEXTAUTH_URL to the public URL of Gloss to build absolute links.");
}
