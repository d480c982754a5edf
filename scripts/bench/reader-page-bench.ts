import { httpTable, runHttpBench, warmUp, type HttpBenchResult } from "./http-bench";
import { runMixedTraffic } from "./mixed-traffic";
import { residentBytes } from "./process-memory";

const MIXED_REQUESTS = 10_000;

interface PagePair {
  plain: HttpBenchResult;
  article: HttpBenchResult;
}

async function measurePair(baseUrl: string, slug: string, when: string): Promise<PagePair> {
  const articleUrl = `${baseUrl}/articles/${slug}`;
  const plainUrl = `${baseUrl}/about`;
  await warmUp(articleUrl);
  await warmUp(plainUrl);
  const plain = await runHttpBench({ label: `\`/about\` (plain prerendered page), ${when}`, url: plainUrl });
  const article = await runHttpBench({ label: `\`/articles/${slug}\` (reader), ${when}`, url: articleUrl });
  return { plain, article };
}

function verdict(pair: PagePair, when: string): string {
  const ratio = pair.article.requestsPerSecond / pair.plain.requestsPerSecond;
  return `- ${when}: reader / plain **${ratio.toFixed(2)}×** (goal ≥ 0.9×), reader p99 **${pair.article.p99.toFixed(1)} ms**, plain p99 ${pair.plain.p99.toFixed(1)} ms (goal < 60 ms).`;
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * The article page is the same cached HTML for every viewer; it should serve
 * nearly as fast as a plain prerendered page of the same app, on a fresh
 * server and still after a stretch of mixed traffic on the same server.
 */
export async function runReaderPageBench(baseUrl: string, slug: string, serverPid: number): Promise<string> {
  const fresh = await measurePair(baseUrl, slug, "fresh");
  const memoryBefore = residentBytes(serverPid);
  const mixed = await runMixedTraffic(baseUrl, slug, MIXED_REQUESTS);
  const memoryAfterMixed = residentBytes(serverPid);
  const after = await measurePair(baseUrl, slug, `after ${MIXED_REQUESTS.toLocaleString("en")} mixed`);
  const memoryAfter = residentBytes(serverPid);
  const statuses = (byStatus: Map<number, number>) => [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${n}× ${status}`).join(", ");
  return [
    "## Reader page throughput",
    "",
    `autocannon, 32 connections, 10 s each, same server, same run: on the fresh server, then again after ${MIXED_REQUESTS.toLocaleString("en")} mixed requests (below).`,
    "",
    httpTable([fresh.plain, fresh.article, after.plain, after.article]),
    "",
    verdict(fresh, "Fresh server"),
    verdict(after, `After ${MIXED_REQUESTS.toLocaleString("en")} mixed requests`),
    `- Server memory (resident, with its children): ${megabytes(memoryBefore)} before the mixed requests, ${megabytes(memoryAfterMixed)} right after them, ${megabytes(memoryAfter)} after the second measurement.`,
    "",
    `Mixed requests: ${mixed.requests} in ${mixed.seconds.toFixed(1)} s, 16 at a time:`,
    "",
    "| kind | requests | statuses |",
    "| --- | ---: | --- |",
    ...mixed.kinds.map((kind) => `| ${kind.name} | ${kind.requests} | ${statuses(kind.statuses)} |`),
  ].join("\n");
}
