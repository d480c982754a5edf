import type http from "node:http";
import { onEveryRequest } from "./request-hooks";

/** An entity-tag as HTTP writes it (RFC 9110 §8.8.3): optionally weak, always quoted; its text may hold commas. */
const ENTITY_TAG = /(?:W\/)?"[^"]*"/g;

const opaqueTag = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

/** Whether an If-None-Match header names `etag`, compared weakly, as RFC 9110 §13.1.2 asks. */
export function ifNoneMatchIncludes(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  const wanted = opaqueTag(etag);
  return (ifNoneMatch.match(ENTITY_TAG) ?? []).some((tag) => opaqueTag(tag) === wanted);
}

/** Node's own step that sends a response's head when a body is first written (both `end` and Next's compression call it). */
type ResponseSendingHead = http.ServerResponse & { _implicitHeader(): void };

/** What describes the body a 304 does not carry (RFC 9110 §15.4.5). */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding"];

/**
 * A conditional GET or HEAD is answered 304 Not Modified, without its body,
 * when the response it would get is a 200 carrying the ETag it names. The
 * pages served from Next's cache carry an ETag computed once per cache entry
 * (lib/cache/page-cache.ts), where Next itself would hash each page's whole
 * HTML on every request. Decided just before the response's head is sent,
 * and before Next's compression looks at it, so a 304 is never compressed.
 */
export function answerNotModifiedWhenUnchanged(request: http.IncomingMessage, response: http.ServerResponse): void {
  const ifNoneMatch = request.headers["if-none-match"];
  if (!ifNoneMatch || (request.method !== "GET" && request.method !== "HEAD")) return;
  const sendingHead = response as ResponseSendingHead;
  const sendHead = sendingHead._implicitHeader;
  sendingHead._implicitHeader = function sendHeadOrNotModified(this: ResponseSendingHead) {
    const etag = this.getHeader("etag");
    if (this.statusCode === 200 && typeof etag === "string" && ifNoneMatchIncludes(ifNoneMatch, etag)) {
      this.statusCode = 304;
      for (const header of BODY_HEADERS) this.removeHeader(header);
    }
    sendHead.call(this);
  };
}

/** Called once per server process, from instrumentation.ts, before any request is handled. */
export function installNotModifiedAnswers(): void {
  onEveryRequest("not-modified", answerNotModifiedWhenUnchanged);
}
