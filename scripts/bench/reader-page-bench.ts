import os from "node:os";
import { httpTable, runInterleavedHttpBench, warmUpUnderLoad, type HttpBenchResult } from "./http-bench";
import { runMixedTraffic } from "./mixed-traffic";
import { residentBytes } from "./process-memory";

const MIXED_REQUESTS = 10_000;
/** Unmeasured autocannon seconds per endpoint before each measured pair (both endpoints alike). */
const WARM_UP_SECONDS = 5;
/** Measured: both pages in turns (A B, B A, …), so both meet the same machine; 10 s each in all. */
const ROUNDS = 4;
const SLICE_SECONDS = 2.5;

interface PagePair {
  plain: HttpBenchResult;
  article: HttpBenchResult;
}

/** What a browser sends; autocannon sends no Accept-Encoding, so by default pages go out uncompressed. */
const BROWSER_ACCEPT_ENCODING = { "accept-encoding": "gzip, deflate, br" };

async function measurePair(baseUrl: string, slug: string, serverPid: number, when: string, headers?: Record<string, string>): Promise<PagePair> {
  const articleUrl = `${baseUrl}/articles/${slug}`;
  const plainUrl = `${baseUrl}/about`;
  // Both pages alike: otherwise the first measured run pays for the JIT compiling the code both pages share.
  await warmUpUnderLoad(articleUrl, WARM_UP_SECONDS, headers);
  await warmUpUnderLoad(plainUrl, WARM_UP_SECONDS, headers);
  const [plain, article] = await runInterleavedHttpBench(
    [
      { label: `\`/about\` (plain prerendered page), ${when}`, url: plainUrl },
      { label: `\`/articles/${slug}\` (reader), ${when}`, url: articleUrl },
    ],
    { rounds: ROUNDS, sliceSeconds: SLICE_SECONDS, headers, serverPid },
  );
  return { plain: plain!, article: article! };
}

const ratio = (pair: PagePair) => pair.article.requestsPerSecond / pair.plain.requestsPerSecond;

function verdict(pair: PagePair, when: string): string {
  return `- ${when}: reader / plain **${ratio(pair).toFixed(2)}×** (goal ≥ 0.9×), reader p99 **${pair.article.p99.toFixed(1)} ms**, plain p99 ${pair.plain.p99.toFixed(1)} ms (goal < 60 ms).`;
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * The article page is the same cached HTML for every viewer; it should serve
 * nearly as fast as a plain prerendered page of the same app, on a fresh
 * server and still after a stretch of mixed traffic on the same server.
 */
export async function runReaderPageBench(baseUrl: string, slug: string, serverPid: number): Promise<string> {
  const [loadAtStart = 0] = os.loadavg();
  const fresh = await measurePair(baseUrl, slug, serverPid, "fresh");
  const compressed = await measurePair(baseUrl, slug, serverPid, "fresh, compressed (Accept-Encoding as a browser sends)", BROWSER_ACCEPT_ENCODING);
  const memoryBefore = residentBytes(serverPid);
  const mixed = await runMixedTraffic(baseUrl, slug, MIXED_REQUESTS);
  const memoryAfterMixed = residentBytes(serverPid);
  const after = await measurePair(baseUrl, slug, serverPid, `after ${MIXED_REQUESTS.toLocaleString("en")} mixed`);
  const memoryAfter = residentBytes(serverPid);
  const [loadAtEnd = 0] = os.loadavg();
  const statuses = (byStatus: Map<number, number>) => [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${n}× ${status}`).join(", ");
  return [
    "## Reader page throughput",
    "",
    `autocannon, 32 connections, 10 s each, same server, same run: on the fresh server, then again after ${MIXED_REQUESTS.toLocaleString("en")} mixed requests (below). Before each pair, both pages are warmed up alike with an unmeasured ${WARM_UP_SECONDS} s run each at the same load. The two pages are measured in turns, ${ROUNDS} rounds of ${SLICE_SECONDS} s each (\`/about\` first in every other round), so that both meet the same machine. Server CPU per request: the CPU time the server process used during the run, divided by its requests (less sensitive to other load on the machine than req/s and latency, but not immune: it rises when other work shares the cores). Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end.`,
    "",
    httpTable([fresh.plain, fresh.article, compressed.plain, compressed.article, after.plain, after.article]),
    "",
    verdict(fresh, "Fresh server"),
    verdict(after, `After ${MIXED_REQUESTS.toLocaleString("en")} mixed requests`),
    `- Compressed, as a browser asks (not part of the goal; Next gzips every response anew): reader / plain ${ratio(compressed).toFixed(2)}×, reader p99 ${compressed.article.p99.toFixed(1)} ms, plain p99 ${compressed.plain.p99.toFixed(1)} ms.`,
    `- Server memory (resident, with its children): ${megabytes(memoryBefore)} before the mixed requests, ${megabytes(memoryAfterMixed)} right after them, ${megabytes(memoryAfter)} after the second measurement.`,
    "",
    `Mixed requests: ${mixed.requests} in ${mixed.seconds.toFixed(1)} s, 16 at a time:`,
    "",
    "| kind | requests | statuses |",
    "| --- | ---: | --- |",
    ...mixed.kinds.map((kind) => `| ${kind.name} | ${kind.requests} | ${statuses(kind.statuses)} |`),
  ].join("\n");
}
