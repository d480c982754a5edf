import type http from "node:http";
import { onEveryRequest } from "./request-hooks";

/**
 * The header that carries the address of the TCP peer of each request into
 * route handlers, which Next otherwise never shows them: it copies the
 * socket's address into X-Forwarded-For only when the client did not send
 * one, so that header alone can be forged by anyone. Set on every incoming
 * request before Next sees it, replacing any value a client sent.
 */
export const PEER_ADDRESS_HEADER = "x-gloss-peer-address";

function setPeerAddressHeader(request: http.IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
}

/** Called once per server process, from instrumentation.ts, before any request is handled. */
export function installPeerAddressHeader(): void {
  onEveryRequest("peer-address", setPeerAddressHeader);
}
