/**
 * Every path and URL Gloss builds, in one place: pages, the share link and
 * its image, and the API. Pure: runs in the browser and on the server alike.
 */
const segment = encodeURIComponent;

export const routes = {
  home: "/",
  about: "/about",
  signIn: "/sign-in",
  signUp: "/sign-up",
  notebook: "/notebook",
  account: "/account",
  /** The reader page of an article. */
  article: (slug: string) => `/articles/${segment(slug)}`,
  /** Where an article is read: a private imported one at its owner's own, per-request address. */
  articleRead: (article: { slug: string; isPrivate: boolean }) =>
    article.isPrivate ? `/articles/${segment(article.slug)}/private` : `/articles/${segment(article.slug)}`,
  /** The share link of an annotation. */
  sharedNote: (id: string) => `/n/${segment(id)}`,
  /** The share card image (og:image) of a shared note. */
  sharedNoteImage: (id: string) => `/n/${segment(id)}/card.png`,
  api: {
    accounts: "/api/accounts",
    account: "/api/account",
    accountPassword: "/api/account/password",
    accountSessions: "/api/account/sessions",
    annotations: "/api/annotations",
    annotationsExport: (query: URLSearchParams) => `/api/annotations/export?${query.toString()}`,
    annotationsImport: "/api/annotations/import",
    tags: "/api/tags",
    tag: (name: string) => `/api/tags/${segment(name)}`,
    /** An annotation's API URL is also its identity in JSON-LD (dereferenced with Accept: application/ld+json). */
    annotation: (id: string) => `/api/annotations/${segment(id)}`,
    articles: "/api/articles",
    article: (slug: string) => `/api/articles/${segment(slug)}`,
    articleUpdateFromSource: (slug: string) => `/api/articles/${segment(slug)}/update-from-source`,
    ownArticles: "/api/me/articles",
    /** A reply's API URL, likewise its identity in JSON-LD. */
    reply: (id: string) => `/api/replies/${segment(id)}`,
    annotationReplies: (id: string) => `/api/annotations/${segment(id)}/replies`,
    articleEvents: (slug: string) => `/api/articles/${segment(slug)}/events`,
    articleAnnotations: (slug: string) => `/api/articles/${segment(slug)}/annotations`,
    health: "/api/health",
    /** next-auth's own endpoints, as the client session (components/auth/session-provider.tsx) calls them. */
    authSession: "/api/auth/session",
    authCsrf: "/api/auth/csrf",
    authSignInWithCredentials: "/api/auth/callback/credentials",
    authSignOut: "/api/auth/signout",
    revalidate: "/api/revalidate",
  },
} as const;

export type AuthPage = typeof routes.signIn | typeof routes.signUp;

const AUTH_PAGES = new Set<string>([routes.signIn, routes.signUp]);
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

/** `authPage` (sign-in or sign-up) set to come back to `returnPath` afterwards. */
export function withCallback(authPage: AuthPage, returnPath: string): string {
  const callback = safeCallbackPath(returnPath);
  return callback === "/" ? authPage : `${authPage}?${new URLSearchParams({ callbackUrl: callback })}`;
}

/** The sign-in page, set to come back to `returnPath` afterwards. */
export function signInPath(returnPath: string): string {
  return withCallback(routes.signIn, returnPath);
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
