import http from "node:http";

/**
 * The header that carries the address of the TCP peer of each request into
 * route handlers, which Next otherwise never shows them: it copies the
 * socket's address into X-Forwarded-For only when the client did not send
 * one, so that header alone can be forged by anyone. Set on every incoming
 * request before Next sees it, replacing any value a client sent.
 */
export const PEER_ADDRESS_HEADER = "x-gloss-peer-address";

const INSTALLED = Symbol.for("gloss.peer-address-header");

/** Called once per server process, from instrumentation.ts, before any request is handled. */
export function installPeerAddressHeader(): void {
  const serverPrototype = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (serverPrototype[INSTALLED]) return;
  serverPrototype[INSTALLED] = true;
  const emit = serverPrototype.emit;
  serverPrototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
