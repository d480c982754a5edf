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
