/**
 * A cached page whose scripts start loading once its first contentful frame
 * has been presented, not while the browser is still preparing it.
 *
 * Why: Next puts its chunks in the page as `<script src="/_next/…" async>`
 * (the head's, and the bootstrap at the end of the body, which the head also
 * preloads). Async scripts are fetched at once, beside the stylesheet, and on
 * a fast connection the big ones (React DOM and Next's router, 117 KB
 * compressed) have arrived before the first frame. Lighthouse's simulation
 * then charges their download on a slow connection to the largest paint
 * (BENCHMARKS.md, Lighthouse: every request that ended before the paint it
 * saw counts), and a phone on a slow network shares its bandwidth between
 * the text's stylesheet and fonts and scripts it cannot run before the text
 * is on screen anyway.
 *
 * How: those script tags (and the preloads of the same files) are taken out
 * and one small inline loader is put where the first of them was. It adds
 * the same scripts, in the same order, with the `async` attribute as before
 * (React's hydration looks for `script[async][src=…]` before it adds a
 * script of its own: without the attribute it added two chunks again, which
 * then ran twice), when the browser reports the first contentful paint
 * (buffered, so a paint before the loader ran counts too). Where there is no paint timing, or the page is hidden
 * (a background tab, a prerender: it paints nothing until shown), it adds
 * them at once; if the page is hidden before it painted, it adds them then,
 * and if no paint is reported within 5 s, then.
 *
 * The trade-off: the text comes first, and hydration, the annotation layer
 * and every handler start one frame (and the scripts' download) later than
 * before. With scripts off nothing changes: the loader does not run, as the
 * scripts did not. The loader is the same text for the same page in every
 * instance, so the page's script policy (../security/inline-scripts-policy,
 * computed after this) allows it by its hash.
 */

/** An empty `<script …></script>` (group 1: its attributes) or a `<link …>` (group 2: its attributes). */
const SCRIPT_OR_LINK = /<script\b([^>]*)><\/script>|<link\b([^>]*?)\/?>/gi;
const NEXT_FILE = /^\/_next\//;
/** A page that never reports a contentful paint (nothing contentful on it, a browser that drops the entry) still hydrates. */
const UNPAINTED_FALLBACK_MS = 5000;

function attributes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!.toLowerCase(), value ?? ""]));
}

interface NextScript {
  src: string;
  /** The page's script nonce, on a page rendered per request. */
  nonce?: string;
}

/** One of Next's own scripts as Next writes it: `src` under /_next/, async, and a nonce on a page rendered per request. */
function nextScript(tagAttributes: string): NextScript | null {
  const found = attributes(tagAttributes);
  const src = found.get("src");
  const nonce = found.get("nonce");
  return src && NEXT_FILE.test(src) && found.has("async") && found.size === (nonce === undefined ? 2 : 3) ? { src, nonce } : null;
}

/** React's preload of its bootstrap script (written in the head; the script itself comes at the end of the body). */
function bootstrapPreload(tagAttributes: string): string | null {
  const found = attributes(tagAttributes);
  const href = found.get("href");
  const isLowPriorityScriptPreload = found.get("rel") === "preload" && found.get("as") === "script" && found.get("fetchpriority") === "low";
  return isLowPriorityScriptPreload && href && NEXT_FILE.test(href) ? href : null;
}

function isScriptPreloadOf(tagAttributes: string, sources: ReadonlySet<string>): boolean {
  const found = attributes(tagAttributes);
  return found.get("rel") === "preload" && found.get("as") === "script" && sources.has(found.get("href") ?? "");
}

/** The loader's text for `sources` (plain JavaScript that every browser with async scripts runs). */
export function scriptsAfterPaintLoader(sources: string[]): string {
  const list = JSON.stringify(sources).replace(/</g, "\\u003c");
  return (
    `(function(){var d=document,u=${list},s;` +
    `function l(){if(s)return;s=1;u.forEach(function(h){var e=d.createElement("script");e.src=h;e.async=true;d.head.appendChild(e)})}` +
    `var P=self.PerformanceObserver;` +
    `if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0&&d.visibilityState!=="hidden"){` +
    `new P(function(p,o){if(p.getEntriesByName("first-contentful-paint").length){o.disconnect();l()}}).observe({type:"paint",buffered:true});` +
    `d.addEventListener("visibilitychange",l);setTimeout(l,${UNPAINTED_FALLBACK_MS})}else l()})()`
  );
}

/** `html` without the script tags and script preloads of `moved`. */
export function withoutScripts(html: string, moved: ReadonlySet<string>): string {
  if (moved.size === 0) return html;
  return html.replace(SCRIPT_OR_LINK, (tag, script: string | undefined, link: string | undefined) => {
    if (link !== undefined) return isScriptPreloadOf(link, moved) ? "" : tag;
    const found = nextScript(script!);
    return found && moved.has(found.src) ? "" : tag;
  });
}

/**
 * `html` (a whole page, or the head of a page still being streamed) with Next's async scripts and React's preload of
 * its bootstrap replaced by one inline loader, where the first of them was, that adds them all after the first
 * contentful paint; and the scripts it moved (a streamed page's body drops their tags: `withoutScripts`). `html` itself
 * and none moved when it has none.
 */
export function scriptsAfterFirstPaint(html: string): { html: string; moved: ReadonlySet<string> } {
  const tags = [...html.matchAll(SCRIPT_OR_LINK)];
  const found = tags.flatMap(([, script]) => (script === undefined ? [] : [nextScript(script)].filter((next) => next !== null)));
  // The scripts first (React and the router among them), then a bootstrap only preloaded so far (a streamed head).
  const preloaded = tags.flatMap(([, , link]) => (link === undefined ? [] : [bootstrapPreload(link)].filter((href) => href !== null)));
  const moved = new Set([...found.map(({ src }) => src), ...preloaded]);
  if (moved.size === 0) return { html, moved };
  const nonce = found.find((next) => next.nonce !== undefined)?.nonce;
  let loader: string | null = `<script${nonce === undefined ? "" : ` nonce="${nonce}"`}>${scriptsAfterPaintLoader([...moved])}</script>`;
  const rewritten = html.replace(SCRIPT_OR_LINK, (tag, script: string | undefined, link: string | undefined) => {
    const isMoved = script !== undefined ? moved.has(nextScript(script)?.src ?? "") : isScriptPreloadOf(link!, moved);
    if (!isMoved) return tag;
    const replacement = loader ?? "";
    loader = null;
    return replacement;
  });
  return { html: rewritten, moved };
}
