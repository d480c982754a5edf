import { isDevelopment } from "@/lib/env";
import { NextResponse, type NextRequest } from "next/server";
import { themeScript } from "@/components/layout/theme-preference";
import { hasMalformedPercentEncoding } from "@/lib/http/malformed-path";
import { contentSecurityPolicy, inlineScriptHash, isPerRequestPagePath } from "@/lib/security/content-security-policy";

/**
 * Runs only where a request needs more than constant headers (which
 * next.config.js sets for every response, at no cost to cached pages):
 * - pages rendered per request get a policy with a fresh script nonce (Next
 *   reads it from the request's Content-Security-Policy header and puts it on
 *   its scripts);
 * - paths with percent-encoding are refused with a 400 when they cannot be
 *   decoded, where decoding them deeper in the stack would throw a 500.
 */
const themeScriptHash = inlineScriptHash(themeScript);

export async function proxy(request: NextRequest) {
  const rawPath = new URL(request.url).pathname;
  if (hasMalformedPercentEncoding(rawPath)) {
    return NextResponse.json({ error: "bad_request", message: "The address is not valid." }, { status: 400 });
  }
  if (!isPerRequestPagePath(rawPath)) return NextResponse.next();

  const policy = contentSecurityPolicy(btoa(crypto.randomUUID()), {
    inlineScriptHashes: [await themeScriptHash],
    development: isDevelopment,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // The pages of isPerRequestPagePath, and any path with a percent sign (proxy.test.ts keeps the two in step).
  matcher: ["/sign-in", "/sign-up", "/account", "/n/:id", "/(.*%.*)"],
};
