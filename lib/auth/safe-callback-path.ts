const AUTH_PAGES = new Set(["/sign-in", "/sign-up"]);
// Any origin that cannot be ours: only used to let URL parse and normalise relative paths.
const PLACEHOLDER_ORIGIN = "https://gloss.invalid";

/**
 * Where to send a reader after signing in: a path inside Gloss, never another
 * site. Accepts a path ("/articles/x?y#z") or, when `origin` is given, an
 * absolute URL on that origin; everything else ("https://evil.example",
 * "//evil", "/\\evil", "javascript:…", paths with control characters) becomes
 * "/". Pure: runs in the browser and on the server alike.
 */
export function safeCallbackPath(raw: string | null | undefined, origin?: string): string {
  if (!raw || /[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  let url: URL;
  try {
    if (raw.startsWith("/") && !raw.startsWith("//")) {
      url = new URL(raw, PLACEHOLDER_ORIGIN);
      if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
    } else if (origin) {
      url = new URL(raw);
      if (url.origin !== new URL(origin).origin) return "/";
    } else {
      return "/";
    }
  } catch {
    return "/";
  }
  // Dot segments normalise "/.//evil" into "//evil", which browsers read as another host.
  if (url.pathname.startsWith("//") || AUTH_PAGES.has(url.pathname)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The callbackUrl of a page's search params, made safe. */
export function callbackPathFrom(searchParams: Record<string, string | string[] | undefined>): string {
  const value = searchParams.callbackUrl;
  return safeCallbackPath(typeof value === "string" ? value : undefined);
}

/** `authPage` ("/sign-in" or "/sign-up") set to come back to `returnPath` afterwards. */
export function withCallback(authPage: string, returnPath: string): string {
  const callback = safeCallbackPath(returnPath);
  return callback === "/" ? authPage : `${authPage}?${new URLSearchParams({ callbackUrl: callback })}`;
}

/** The sign-in page, set to come back to `returnPath` afterwards. */
export function signInPath(returnPath: string): string {
  return withCallback("/sign-in", returnPath);
}

/** What next-auth accepts as a callbackUrl (an http(s) URL or a path), without control characters. */
export function isAcceptableCallbackUrl(value: string | null): boolean {
  if (value === null) return true;
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const { protocol } = new URL(value, value.startsWith("/") ? "http://gloss.invalid" : undefined);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
