import { randomUUID } from "node:crypto";
import os from "node:os";
import { httpTable, runHttpBench, warmUp } from "./http-bench";

/**
 * Importing: extracting and storing a 1 MB web page (jsdom + Readability +
 * DOMPurify + the block model + one insert), and serving a public imported
 * article, which should be as cheap as a seeded one: the same static page.
 */

const RUNS = 5;

/** About 1 MB as real pages are: a few hundred paragraphs inside far more scripts, styles and navigation. */
function megabytePage(): string {
  const sentence = (i: number) =>
    `<p>Paragraph ${i}: readers have always written in the margins, <em>arguing</em> with the text, and <a href="/notes/${i}">linking</a> one book to the next as they went.</p>`;
  const article = Array.from({ length: 300 }, (_, i) => (i % 20 === 0 ? `<h2>Section ${i / 20 + 1}</h2>` : "") + sentence(i)).join("\n");
  const chrome: string[] = [];
  for (let i = 0, length = 0; length < 850_000; i++) {
    chrome.push(`<script>window.__state${i} = ${JSON.stringify("x".repeat(2000))};</script><div class="nav-item"><a href="/section/${i}">Section ${i}</a></div>\n`);
    length += chrome[i]!.length;
  }
  const half = Math.floor(chrome.length / 2);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A megabyte page</title><style>${".c{color:red}".repeat(3000)}</style></head>
<body><nav>${chrome.slice(0, half).join("")}</nav><main><article><h1>A megabyte page</h1>${article}</article></main><aside>${chrome.slice(half).join("")}</aside></body></html>`;
}

export async function runImportBench(baseUrl: string): Promise<string> {
  // The bench server has set DATABASE_URL to its own database.
  const { db } = await import("../../lib/db");
  const { extractDocument } = await import("../../lib/articles/extract-imported-document");
  const { storeImportedArticle } = await import("../../lib/articles/store-imported-article");
  const owner = await db.user.create({ data: { email: `bench-${randomUUID()}@example.test`, name: "Bench Reader", passwordHash: "-" } });
  const viewer = { id: owner.id, name: owner.name, email: owner.email };

  const html = Buffer.from(megabytePage());
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let slug = "";
  for (let run = -1; run < RUNS; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const content = extractDocument({ bytes: html, kind: "html", contentType: "text/html; charset=utf-8", baseUrl: "https://example.com/a", fileName: "bench" });
    slug = (await storeImportedArticle({ viewer, content, sourceUrl: null })).slug;
    const cpu = process.cpuUsage(cpuStarted);
    // The first run warms up.
    if (run >= 0) {
      timings.push(performance.now() - started);
      cpuTimings.push((cpu.user + cpu.system) / 1000);
    }
  }
  timings.sort((a, b) => a - b);
  cpuTimings.sort((a, b) => a - b);
  const median = timings[Math.floor(RUNS / 2)]!;
  const cpuMedian = cpuTimings[Math.floor(RUNS / 2)]!;

  // The page comparison uses an article of ordinary length (a dozen paragraphs, like the seeded news report).
  const ordinary = Buffer.from(
    `<!doctype html><html lang="en"><head><title>An ordinary article</title></head><body><article><h1>An ordinary article</h1>${Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i}: readers have always written in the margins, arguing with the text and linking one book to the next, and a good reader keeps doing it.</p>`).join("")}</article></body></html>`,
  );
  const content = extractDocument({ bytes: ordinary, kind: "html", contentType: "text/html", baseUrl: "https://example.com/b", fileName: "bench" });
  slug = (await storeImportedArticle({ viewer, content, sourceUrl: null })).slug;
  await db.article.update({ where: { slug }, data: { visibility: "public" } });
  const articleUrl = `${baseUrl}/articles/${slug}`;
  const plainUrl = `${baseUrl}/about`;
  await warmUp(articleUrl);
  await warmUp(plainUrl);
  const plain = await runHttpBench({ label: "`/about` (plain prerendered page)", url: plainUrl });
  const article = await runHttpBench({ label: "`/articles/{slug}` (public imported article)", url: articleUrl });
  const ratio = article.requestsPerSecond / plain.requestsPerSecond;

  return [
    "## Importing articles",
    "",
    `Extract and store a ${(html.byteLength / 1e6).toFixed(2)} MB HTML page (jsdom, Readability, DOMPurify, block model, one insert), in process: median of ${RUNS} runs after one warm-up **${median.toFixed(0)} ms** wall (min ${timings[0]!.toFixed(0)}, max ${timings[RUNS - 1]!.toFixed(0)}; goal < 2,000 ms), **${cpuMedian.toFixed(0)} ms** CPU of this process (what the wall time is on an idle core; the two differ when other work shares the machine, \`uptime\` load ${os.loadavg()[0]!.toFixed(1)} at the end of this run).`,
    "",
    "A public imported article's page, a dozen paragraphs (autocannon, 32 connections, 10 s each, same server, same run):",
    "",
    httpTable([plain, article]),
    "",
    `Imported / plain: **${ratio.toFixed(2)}×** (goal ≥ 0.9×).`,
  ].join("\n");
}
