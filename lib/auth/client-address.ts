import { serverEnv } from "@/lib/env";

/** The bucket every client shares when the real address cannot be known. */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * The client's address, for per-address rate limits.
 *
 * Behind a reverse proxy (GLOSS_TRUST_PROXY=1) the proxy appends the address
 * it saw to X-Forwarded-For, so the last entry is the one nobody outside can
 * forge. Without one, Next.js only fills X-Forwarded-For when the request
 * lacks it, so any client could name its own address — dodging its limit or
 * locking out someone else's. Then every client shares one bucket and the
 * per-address limit acts as a site-wide brake on failed sign-ins; the
 * per-email limit holds either way.
 */
export function clientAddressFrom(headers: RequestHeaders, trustProxy = serverEnv().GLOSS_TRUST_PROXY): string {
  if (!trustProxy) return UNKNOWN_CLIENT_ADDRESS;
  const header = headers["x-forwarded-for"];
  const forwardedFor = Array.isArray(header) ? header.join(",") : (header ?? "");
  const last = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? UNKNOWN_CLIENT_ADDRESS;
}
