import http from "node:http";

/** What a hook returns when it has answered the request itself: no later hook, and not the server's listeners, see it. */
export const ANSWERED = Symbol("gloss.request-answered");

/** Sees a request and its response before any listener of the server does (and may answer it: ANSWERED). */
export type RequestHook = (request: http.IncomingMessage, response: http.ServerResponse) => void | typeof ANSWERED;

const HOOKS = Symbol.for("gloss.request-hooks");

type HookedServer = http.Server & { [HOOKS]?: Map<string, RequestHook> };

/**
 * Runs `hook` on every request of every HTTP server in this process, before
 * the server's own listeners (Next's) see it. Registering a name again
 * replaces its hook. Next offers no per-request hook that runs for pages
 * served from its cache without costing them a proxy (middleware) run; this
 * costs a request one loop over the registered hooks.
 */
export function onEveryRequest(name: string, hook: RequestHook): void {
  const prototype = http.Server.prototype as HookedServer;
  let hooks = prototype[HOOKS];
  if (!hooks) {
    const registered = new Map<string, RequestHook>();
    hooks = prototype[HOOKS] = registered;
    const emit = prototype.emit;
    prototype.emit = function emitAfterRequestHooks(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        for (const run of registered.values()) if (run(args[0] as http.IncomingMessage, args[1] as http.ServerResponse) === ANSWERED) return true;
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
  hooks.set(name, hook);
}
