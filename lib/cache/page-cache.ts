import { createHash } from "node:crypto";
import { inlineScriptsPolicy } from "@/lib/security/inline-scripts-policy";
import { asciiHtml } from "./ascii-html";
import { scriptsAfterFirstPaint } from "./scripts-after-paint";

/**
 * Adjustments to Next's own page cache (its memory and disk cache stay
 * in place; only its handler's `get` and `set` are wrapped, once):
 *
 * - A page that answered 404 is never stored. Article pages are rendered on
 *   first visit and cached, so otherwise every made-up address
 *   (/articles/anything) would leave a file of its 404 on disk, forever; a
 *   miss costs one indexed query instead.
 * - A cached page is served with a second Content-Security-Policy that
 *   allows its inline scripts by their hashes only (computed once per cached
 *   page, from the HTML that is sent). The constant policy of next.config.js
 *   has to allow inline scripts, as it cannot know them; a browser enforces
 *   both policies, so on a cached page no other inline script runs.
 * - A cached page's HTML is written in ASCII where that changes nothing a
 *   browser reads (./ascii-html.ts): Node then sends it without encoding it
 *   to UTF-8 and measuring it again on every request.
 * - A cached page's scripts start loading after its first contentful paint
 *   (./scripts-after-paint.ts): Next's async script tags are replaced by one
 *   inline loader, which its script policy allows by hash like the others.
 * - A cached page is served with an ETag computed once per cache entry, from
 *   its HTML and flight data; lib/http/not-modified.ts answers 304 when a
 *   returning reader names it. Next's own ETags are off (next.config.js):
 *   Next hashed the whole HTML again on every request, a tenth of a cached
 *   reader page's server time.
 *
 * A `cacheHandler` in next.config could do the same, but Next imports a
 * configured handler anew on every request, which cost a third of a cached
 * page's throughput. Next's page runtime makes its cache per request and
 * publishes it as `globalThis.__incrementalCache`; the handler's class is
 * reached from the first one (it is bundled into that runtime and cannot be
 * imported).
 */
const ADAPTED = Symbol.for("gloss.page-cache-adapted");
const NEXT_CACHE_GLOBAL = "__incrementalCache";
const SCRIPT_POLICY_HEADER = "content-security-policy";
const ETAG_HEADER = "etag";

interface PageCacheHandler {
  get(...args: unknown[]): Promise<unknown>;
  set(key: string, data: unknown, context: unknown): Promise<void>;
  [ADAPTED]?: true;
}

interface CachedPage {
  kind: string;
  html: unknown;
  rscData?: Buffer;
  status?: number;
  headers?: Record<string, string | string[] | number | undefined>;
}

export function isNotFoundPage(data: unknown): boolean {
  return typeof data === "object" && data !== null && "status" in data && data.status === 404;
}

function isCachedHtmlPage(value: unknown): value is CachedPage & { html: string } {
  return typeof value === "object" && value !== null && (value as CachedPage).kind === "APP_PAGE" && typeof (value as CachedPage).html === "string";
}

/** Strong, and the same in every instance serving the same entry. */
function entityTag(page: CachedPage & { html: string }): string {
  const hash = createHash("sha256").update(page.html);
  if (page.rscData) hash.update(page.rscData);
  return `"${hash.digest("base64url")}"`;
}

/**
 * Writes a cached page's HTML in ASCII where it can, with its scripts loaded after the first paint, then adds the
 * page's script policy and ETag (both of the HTML as sent) to its stored headers. Once: the entry keeps all three.
 */
function preparedForServing<Entry>(entry: Entry): Entry {
  const value = (entry as { value?: unknown } | null)?.value;
  if (!isCachedHtmlPage(value) || value.headers?.[ETAG_HEADER]) return entry;
  value.html = scriptsAfterFirstPaint(asciiHtml(value.html)).html;
  value.headers = { ...value.headers, [SCRIPT_POLICY_HEADER]: inlineScriptsPolicy(value.html), [ETAG_HEADER]: entityTag(value) };
  return entry;
}

/** Wraps `get` and `set` on the class of `handler` (once per class). */
export function adaptPageCacheHandler(handler: unknown): void {
  const prototype = handler ? (Object.getPrototypeOf(handler) as PageCacheHandler | null) : null;
  if (!prototype || prototype[ADAPTED] || typeof prototype.set !== "function" || typeof prototype.get !== "function") return;
  const { get, set } = prototype;
  prototype.get = async function getPreparedForServing(this: PageCacheHandler, ...args: unknown[]) {
    return preparedForServing(await get.apply(this, args));
  };
  prototype.set = function setUnlessNotFound(this: PageCacheHandler, key, data, context) {
    if (isNotFoundPage(data)) return Promise.resolve();
    return set.call(this, key, data, context);
  };
  prototype[ADAPTED] = true;
}

/** Called once per server process, from instrumentation.ts, before any page is rendered. */
export function adaptNextPageCache(): void {
  if (Object.getOwnPropertyDescriptor(globalThis, NEXT_CACHE_GLOBAL)?.set) return;
  let current = (globalThis as { [NEXT_CACHE_GLOBAL]?: { cacheHandler?: unknown } })[NEXT_CACHE_GLOBAL];
  Object.defineProperty(globalThis, NEXT_CACHE_GLOBAL, {
    configurable: true,
    get: () => current,
    set: (cache: typeof current) => {
      current = cache;
      adaptPageCacheHandler(cache?.cacheHandler);
    },
  });
}
