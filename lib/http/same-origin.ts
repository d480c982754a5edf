import { serverEnv } from "@/lib/env";
import { requestOrigin } from "./request-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a write comes from a page of another site, by the headers browsers
 * set and pages cannot (OWASP's "verifying origin with standard headers"):
 * `Sec-Fetch-Site` when sent, and `Origin`, which must be the origin the
 * request was made to (or NEXTAUTH_URL's). A request with neither comes from
 * no browser, so no cookie of a reader's rides along uninvited.
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return !trustedOrigins(request).has(origin.toLowerCase());
}

function trustedOrigins(request: Request): Set<string> {
  const origins = new Set([requestOrigin(request)]);
  const configured = serverEnv().NEXTAUTH_URL;
  if (configured && URL.canParse(configured)) origins.add(new URL(configured).origin);
  return origins;
}
