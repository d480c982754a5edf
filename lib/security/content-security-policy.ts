/**
 * Gloss's Content-Security-Policy, Permissions-Policy and HSTS. No imports:
 * next.config.js sets the constant headers of every response from these
 * definitions, proxy.ts the per-request policy of the pages that carry a
 * nonce, and tests read the same definitions.
 *
 * Scripts: pages rendered per request carry a fresh nonce with
 * 'strict-dynamic' (Next puts the nonce on its own scripts, and the scripts
 * they load inherit the trust). Pages rendered once and served from the
 * cache to everyone (the library, articles, about) cannot carry a per-request
 * nonce; the constant policy here allows scripts from our origin and inline,
 * and the page cache adds a second policy allowing only that page's own
 * inline scripts, by hash (lib/cache/page-cache.ts). No page puts user text
 * into HTML as markup (notes are rendered by React as text), and eval is
 * refused everywhere.
 */

/** The CSP source of an inline script: `sha256-` and the base64 digest of its exact text. */
export async function inlineScriptHash(script: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script));
  return `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}

/**
 * The pages rendered per request, which can carry a nonce. Every other page
 * (the library, articles, about, and the prerendered 404 of unknown paths) is
 * served from the cache, and route handlers answer JSON or images.
 */
const PER_REQUEST_PAGES = "sign-in|sign-up|account|n/[^/]+";
const PER_REQUEST_PAGE = new RegExp(`^/(?:${PER_REQUEST_PAGES})/?$`);

export function isPerRequestPagePath(pathname: string): boolean {
  return PER_REQUEST_PAGE.test(pathname);
}

/**
 * A next.config `headers()` source (path-to-regexp) for every path but the
 * pages rendered per request: those get their policy, with its nonce, from
 * proxy.ts; everything else gets the constant one from next.config.js.
 */
export const EVERY_PATH_BUT_PER_REQUEST_PAGES = `/((?!(?:${PER_REQUEST_PAGES})/?$).*)`;

export interface PolicyOptions {
  /** sha256 sources of inline scripts every page has (the layout's pre-paint theme script). */
  inlineScriptHashes?: string[];
  development?: boolean;
}

export function contentSecurityPolicy(nonce: string | null, options: PolicyOptions = {}): string {
  const scripts = nonce
    ? [`'nonce-${nonce}'`, "'strict-dynamic'", ...(options.inlineScriptHashes ?? []).map((hash) => `'${hash}'`)]
    : ["'self'", "'unsafe-inline'"];
  // React's development build evaluates source maps; production never evaluates strings.
  if (options.development) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Inline style attributes (highlight colours, toasts, positioned cards) are part of the UI.
    "style-src 'self' 'unsafe-inline'",
    // Fonts are self-hosted WOFF2 files; the only data: images are inline SVG icons and the share card is ours.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Powerful features Gloss never uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** Two years, subdomains included: sent only on responses that came over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The headers every response carries (next.config.js sets them; lib/http/precompressed-static.ts too, for what it answers). */
export const EVERY_RESPONSE_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
];
