import { serverEnv } from "@/lib/env";

/**
 * The origin the reader's browser is using for this request: the Host it
 * connected to (or the one a trusted proxy forwarded), with the scheme it
 * used. Redirects and same-origin checks use it, so a reader on
 * http://127.0.0.1:3000 stays there even when NEXTAUTH_URL names localhost.
 */
export function requestOrigin(request: { headers: Headers; url: string }, trustProxy = serverEnv().GLOSS_TRUST_PROXY): string {
  const url = new URL(request.url);
  const forwardedHost = trustProxy ? firstValue(request.headers.get("x-forwarded-host")) : undefined;
  const host = forwardedHost ?? request.headers.get("host") ?? url.host;
  const forwardedProto = firstValue(request.headers.get("x-forwarded-proto"));
  const protocol = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.replace(/:$/, "");
  const origin = `${protocol}://${host}`;
  return URL.canParse(origin) ? new URL(origin).origin : url.origin;
}

/** `url` moved from the configured origin onto the request's, when it points at the configured one. */
export function onRequestOrigin(url: string, origin: string, configured: string | null): string {
  if (!configured || origin === configured || !URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (parsed.origin !== configured) return url;
  return `${origin}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
