import { isDevelopment } from "@/lib/env";
import { NextResponse, type NextRequest } from "next/server";
import { themeScript } from "@/components/layout/theme-preference";
import { hasMalformedPercentEncoding } from "@/lib/http/malformed-path";
import {
  contentSecurityPolicy,
  inlineScriptHash,
  isPerRequestPagePath,
  PERMISSIONS_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/security/content-security-policy";

/**
 * Runs before every page and route (not Next's static files): refuses paths
 * that cannot be decoded, and sets the security headers, with a fresh script
 * nonce for pages rendered per request (Next reads it from the request's
 * Content-Security-Policy header and puts it on its scripts).
 */
const themeScriptHash = inlineScriptHash(themeScript);

export async function proxy(request: NextRequest) {
  const rawPath = new URL(request.url).pathname;
  if (hasMalformedPercentEncoding(rawPath)) {
    return NextResponse.json({ error: "bad_request", message: "The address is not valid." }, { status: 400 });
  }

  const nonce = isPerRequestPagePath(rawPath) ? btoa(crypto.randomUUID()) : null;
  const policy = contentSecurityPolicy(nonce, {
    inlineScriptHashes: [await themeScriptHash],
    development: isDevelopment,
  });
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(/:$/, "");
  if (protocol === "https") response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but the build's static files; Next serves those with their own long-lived headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
