import path from "node:path";

/** Next's own command-line entry, run with `process.execPath` so the flags below apply. */
export const NEXT_BIN = path.join(__dirname, "..", "..", "node_modules", "next", "dist", "bin", "next");

/**
 * Node.js flags for every Gloss server process (`npm start`, `npm run dev`,
 * the bench server, and the test suite's instances), so that what is
 * measured is what runs.
 *
 * `--max-semi-space-size`: V8's young generation, where a request's
 * short-lived objects live, is by default at most 16 MB a semi-space; under
 * autocannon a cached reader page filled it every ~65 requests, and each
 * scavenge stops every request in flight. With 64 MB semi-spaces, one
 * scavenge every ~230 requests, and about a tenth less server CPU per
 * request on a fresh server (BENCHMARKS.md, "Reader page throughput").
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];

/**
 * `--keepAliveTimeout`: Node closes a keep-alive connection after 5 s idle,
 * and a client that sends its next request on it at that moment gets
 * ECONNRESET (an e2e test's API request did, on a busy machine). Proxies
 * and load balancers in front of Gloss keep idle connections open for about
 * 60 s, so the server waits longer than they do.
 */
const NEXT_START_OPTIONS = ["--keepAliveTimeout", "65000"];

/** The arguments (after `node`) of one `next start`, the same for every Gloss server process. */
export function nextStartArgs(port: number, hostname: string): string[] {
  return [...SERVER_NODE_FLAGS, NEXT_BIN, "start", "--port", String(port), "--hostname", hostname, ...NEXT_START_OPTIONS];
}
