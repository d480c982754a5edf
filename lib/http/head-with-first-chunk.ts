import type http from "node:http";
import { onEveryRequest } from "./request-hooks";

/** Node's own steps of a response: the head is built by `_implicitHeader`, written by `_send` (prepended to the first body write). */
type ResponseInternals = http.ServerResponse & { _headerSent: boolean; _implicitHeader(): void; _send(data: string): boolean };

/**
 * Next streams every route handler's response and every page rendered per
 * request, and calls `flushHeaders()` right before it writes the first
 * chunk, in the same tick. Node then writes the head on its own: one more
 * system call and TCP segment, and one more wake-up of the client, for every
 * response (6.6 % of the server's CPU on the notebook's search, BENCHMARKS.md
 * "Notebook", session 11). Here `flushHeaders` builds the head at once (the
 * response counts as started, `headersSent` is true) and leaves it to Node
 * to send with the first chunk; when no chunk follows within the tick, the
 * head goes out on its own then, as before.
 */
function flushHeadersWithFirstChunk(this: ResponseInternals): void {
  if (!this.headersSent) this._implicitHeader();
  process.nextTick(() => {
    if (!this._headerSent && !this.destroyed) this._send("");
  });
}

export function sendHeadWithFirstChunk(_request: http.IncomingMessage, response: http.ServerResponse): void {
  response.flushHeaders = flushHeadersWithFirstChunk;
}

/** Called once per server process, from instrumentation.ts, before any request is handled. */
export function installHeadWithFirstChunk(): void {
  onEveryRequest("head-with-first-chunk", sendHeadWithFirstChunk);
}
