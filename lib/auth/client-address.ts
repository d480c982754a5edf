import { serverEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

/** The bucket every client shares when the real address cannot be known. */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * The client's address, for per-address rate limits.
 *
 * Behind a reverse proxy (GLOSS_TRUST_PROXY=1) the proxy appends the address
 * it saw to X-Forwarded-For, so the last entry is the one nobody outside can
 * forge. Without one, the address is the TCP peer's, which the server
 * records on each request itself (lib/http/peer-address.ts): X-Forwarded-For
 * is then ignored, since Next.js passes on whatever a client put there.
 * Only where neither is known do all clients share one bucket.
 */
export function clientAddressFrom(headers: RequestHeaders, trustProxy = serverEnv().GLOSS_TRUST_PROXY): string {
  if (!trustProxy) {
    const peer = headers[PEER_ADDRESS_HEADER];
    return (Array.isArray(peer) ? peer[0] : peer)?.trim() || UNKNOWN_CLIENT_ADDRESS;
  }
  const header = headers["x-forwarded-for"];
  const forwardedFor = Array.isArray(header) ? header.join(",") : (header ?? "");
  const last = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? UNKNOWN_CLIENT_ADDRESS;
}
