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
 * A reader's first interaction (a pointer or key down, a focus) adds them
 * too, if the paint has not yet. Until the page is hydrated the loader holds
 * presses on buttons (and checkboxes, radios, submissions) and replays each
 * once at the hydration mark, and hands React what was typed into a field
 * (`scriptsAfterPaintLoader`): a first tap acts, only later.
 *
 * The trade-off: the text comes first, and hydration, the annotation layer
 * and every handler start one frame (and the scripts' download) later than
 * before. With scripts off nothing changes: the loader does not run, as the
 * scripts did not. The loader is the same text for the same page in every
 * instance, so the page's script policy (../security/inline-scripts-policy,
 * computed after this) allows it by its hash.
 */

import { HYDRATED_ATTRIBUTE } from "../hydrated-attribute";

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

/**
 * What the loader holds until the page is hydrated: presses on controls that do nothing without their handler. Links
 * are not among them (they navigate natively), nor `<details>` (it opens natively; Gloss has none), nor text fields
 * (what is typed stays in them and is handed to React at the mark).
 */
const HELD_CONTROLS = "button,[role=button],input[type=checkbox],input[type=radio],input[type=submit]";
/** A reader's first interaction starts the scripts at once, if the first paint has not. */
const FIRST_INTERACTIONS = ["pointerdown", "touchstart", "keydown", "focusin"];

/**
 * The loader's text for `sources` (plain JavaScript that every browser with async scripts runs). It adds them at the
 * earliest of the first contentful paint, the reader's first interaction and the fallback, one a task (a message to
 * itself, which no timer clamps): adding a script costs the main thread about a millisecond, and the ten or so of a
 * page added in one task made a task of 8–47 ms at the first paint, which a busy machine stretches past Lighthouse's
 * blocking line (50 ms at its 4× slowdown; BENCHMARKS.md, Lighthouse, session 16). Until the page is hydrated
 * (HYDRATED_ATTRIBUTE on <html>, ../hydrated-attribute.ts) it notes, in the order they came, each held control pressed
 * (a click, from a pointer, a key or a label: stopped in the capture phase), each form submitted (stopped), each file
 * chosen (stopped: React may already listen when it comes, and a file's change acts, so React must see it once, at the
 * replay) and each field typed into or chosen in (left alone; its last value noted). At the mark it replays each once, one a task, so
 * that React renders between two (the notebook's filters build on the query the one before set): a control is
 * clicked, a form submitted, and a field's value is handed to React as if typed now. React keeps a value typed before
 * hydration on screen but not in its state (the bundled React DOM does not replay it: enableHydrationChangeEvent is
 * off outside its experimental build), and its change detection compares with the value it saw at hydration; so a
 * text field is set back to that value through the element (which React tracks) and to the reader's through the
 * prototype's setter (which it does not) before the `input` event. A select, whose choice hydration sets back to the
 * server's, is given the reader's again and a `change` event; a file input (its files stay) gets a `change` event.
 */
export function scriptsAfterPaintLoader(sources: string[]): string {
  const list = JSON.stringify(sources).replace(/</g, "\\u003c");
  return (
    `(function(){var d=document,r=d.documentElement,u=${list},s,q=[],w=[],H="${HYDRATED_ATTRIBUTE}",C="${HELD_CONTROLS}",E=["click","submit","input","change"];` +
    `function l(){if(s)return;s=1;var i=0,c=new MessageChannel;c.port1.onmessage=function(){var e=d.createElement("script");e.src=u[i];e.async=true;` +
    `d.head.appendChild(e);++i<u.length&&c.port2.postMessage(0)};c.port2.postMessage(0)}` +
    `${JSON.stringify(FIRST_INTERACTIONS)}.forEach(function(t){d.addEventListener(t,l,{capture:true,passive:true})});` +
    `function g(e){if(r.hasAttribute(H))return;var t=e.target;if(e.type=="click"){t=t.closest&&t.closest(C);if(!t)return}` +
    `if(e.type=="click"||e.type=="submit"||t.type=="file"){e.preventDefault();e.stopImmediatePropagation()}var i=q.indexOf(t);i<0&&(i=q.push(t)-1);w[i]=t.value;l()}` +
    `function f(e,v){if(e.tagName=="SELECT"||e.type=="file"){if(e.tagName=="SELECT")e.value=v;return e.dispatchEvent(new Event("change",{bubbles:true}))}` +
    `if(v==e.defaultValue)return;` +
    `e.value=e.defaultValue;Object.getOwnPropertyDescriptor(Object.getPrototypeOf(e),"value").set.call(e,v);e.dispatchEvent(new Event("input",{bubbles:true}))}` +
    `function n(){var t=q.shift(),v=w.shift();if(!t)return;if(t.isConnected)t.tagName=="FORM"?t.requestSubmit():t.matches(C)?t.click():f(t,v);setTimeout(n)}` +
    `E.forEach(function(t){d.addEventListener(t,g,true)});` +
    `new MutationObserver(function(m,o){if(!r.hasAttribute(H))return;o.disconnect();E.forEach(function(t){d.removeEventListener(t,g,true)});n()})` +
    `.observe(r,{attributes:true,attributeFilter:[H]});` +
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
