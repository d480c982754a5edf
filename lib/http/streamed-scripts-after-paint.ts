import type http from "node:http";
import { scriptsAfterFirstPaint, withoutScripts } from "@/lib/cache/scripts-after-paint";
import { onEveryRequest } from "./request-hooks";

/**
 * The reading pages Next renders per request: a shared note and the notebook. Not the account's forms (sign-in,
 * sign-up, account): a form submitted before hydration would post to the page and lose what was typed, and their
 * scripts are small beside a reading page's text.
 */
const READING_PAGE_PER_REQUEST = /^\/(?:notebook|n\/[^/]+)\/?$/;

/** A head longer than this is passed on as it is (Next's are a few kilobytes). */
const MAX_HEAD_CHARACTERS = 64 * 1024;

/** Where `text` ends inside an `open` … `close` not yet closed (its start), or `text.length`. */
function unfinished(text: string, open: string, close: string): number {
  const start = text.lastIndexOf(open);
  return start === -1 || text.includes(close, start + open.length) ? text.length : start;
}

/**
 * The HTML of a page streamed per request, rewritten on its way as the page
 * cache rewrites a cached page once (lib/cache/scripts-after-paint.ts): the
 * head is held until it is whole, its scripts are replaced by the loader
 * (which carries the page's nonce), and their tags in the body are dropped.
 * Text is passed on up to the last whole tag (a script's, up to its end);
 * the rest waits for the next chunk.
 */
export class ScriptsAfterPaintRewriter {
  private readonly decoder = new TextDecoder();
  private pending = "";
  private moved: ReadonlySet<string> | null = null;

  /** The text to send for `chunk`; with `last`, everything left. */
  push(chunk: Uint8Array | string, last = false): string {
    this.pending += typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: !last });
    let head = "";
    if (this.moved === null) {
      const headEnd = this.pending.indexOf("</head>");
      if (headEnd === -1 && !last && this.pending.length < MAX_HEAD_CHARACTERS) return "";
      if (headEnd === -1) this.moved = new Set();
      else {
        const rewritten = scriptsAfterFirstPaint(this.pending.slice(0, headEnd));
        this.moved = rewritten.moved;
        head = rewritten.html;
        this.pending = this.pending.slice(headEnd);
      }
    }
    const ready = last ? this.pending.length : Math.min(unfinished(this.pending, "<", ">"), unfinished(this.pending, "<script", "</script>"));
    const text = this.pending.slice(0, ready);
    this.pending = this.pending.slice(ready);
    return head + withoutScripts(text, this.moved);
  }
}

type Write = http.ServerResponse["write"];
type End = http.ServerResponse["end"];
type Callback = (error?: Error | null) => void;

/**
 * Rewrites a reading page rendered per request (a GET of its HTML, not
 * Next's RSC data) as it is written into Next's compression. Next installs its
 * compression on the response after this hook ran, by reading `write` and
 * `end` (which then send the compressed bytes) and replacing them; the
 * functions it puts in their place are wrapped here, so the rewriter sees
 * the HTML before it is compressed. A response that is not HTML, or has a
 * length fixed in advance, passes untouched.
 */
export function loadScriptsAfterPaintWhenStreamed(request: http.IncomingMessage, response: http.ServerResponse): void {
  if (request.method !== "GET" || request.headers.rsc !== undefined) return;
  if (!READING_PAGE_PER_REQUEST.test((request.url ?? "").split("?")[0]!)) return;
  let rewriter: ScriptsAfterPaintRewriter | null | undefined;
  const rewriterFor = (target: http.ServerResponse) => {
    if (rewriter === undefined) {
      const isHtml = String(target.getHeader("content-type") ?? "").startsWith("text/html");
      rewriter = isHtml && !target.hasHeader("content-length") ? new ScriptsAfterPaintRewriter() : null;
    }
    return rewriter;
  };
  const wrapWrite = (write: Write): Write =>
    function writeRewritten(this: http.ServerResponse, chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) {
      const active = rewriterFor(this);
      if (!active || (typeof chunk !== "string" && !(chunk instanceof Uint8Array))) return write.apply(this, [chunk, encodingOrCallback, callback] as Parameters<Write>);
      const text = active.push(chunk);
      const done = (typeof encodingOrCallback === "function" ? encodingOrCallback : callback) as Callback | undefined;
      if (text === "") {
        if (done) process.nextTick(done);
        return true;
      }
      return write.apply(this, [Buffer.from(text), done] as unknown as Parameters<Write>);
    } as Write;
  const wrapEnd = (end: End): End =>
    function endRewritten(this: http.ServerResponse, chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) {
      const active = rewriterFor(this);
      if (!active) return end.apply(this, [chunk, encodingOrCallback, callback] as Parameters<End>);
      const done = [chunk, encodingOrCallback, callback].find((argument) => typeof argument === "function") as Callback | undefined;
      const body = typeof chunk === "string" || chunk instanceof Uint8Array ? chunk : "";
      const text = active.push(body, true);
      return end.apply(this, [Buffer.from(text), done] as unknown as Parameters<End>);
    } as End;
  for (const [name, wrap] of [
    ["write", wrapWrite],
    ["end", wrapEnd],
  ] as const) {
    const own = response[name];
    let replaced: Write | End | null = null;
    Object.defineProperty(response, name, {
      configurable: true,
      enumerable: true,
      // Until Next's compression replaces it, the original (which compression then calls with compressed bytes).
      get: () => replaced ?? own,
      // Only the first replacement (compression's) is wrapped: a later one that calls it must not rewrite twice.
      set: (installed: Write & End) => {
        replaced = replaced === null ? (wrap as (fn: Write & End) => Write | End)(installed) : installed;
      },
    });
  }
}

/** Called once per server process, from instrumentation.ts, before any request is handled. */
export function installScriptsAfterPaintWhenStreamed(): void {
  onEveryRequest("streamed-scripts-after-paint", loadScriptsAfterPaintWhenStreamed);
}
