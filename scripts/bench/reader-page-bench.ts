import { httpTable, runHttpBench, warmUp } from "./http-bench";

/**
 * The article page is the same cached HTML for every viewer; it should serve
 * nearly as fast as a plain prerendered page of the same app.
 */
export async function runReaderPageBench(baseUrl: string, slug: string): Promise<string> {
  const articleUrl = `${baseUrl}/articles/${slug}`;
  const plainUrl = `${baseUrl}/about`;
  await warmUp(articleUrl);
  await warmUp(plainUrl);
  const plain = await runHttpBench({ label: "`/about` (plain prerendered page)", url: plainUrl });
  const article = await runHttpBench({ label: `\`/articles/${slug}\` (reader)`, url: articleUrl });
  const ratio = article.requestsPerSecond / plain.requestsPerSecond;
  return [
    "## Reader page throughput",
    "",
    "autocannon, 32 connections, 10 s each, same server, same run.",
    "",
    httpTable([plain, article]),
    "",
    `Reader / plain: **${ratio.toFixed(2)}×** (goal ≥ 0.9×), reader p99 **${article.p99.toFixed(1)} ms** (goal < 60 ms).`,
  ].join("\n");
}
