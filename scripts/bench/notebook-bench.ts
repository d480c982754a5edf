import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "../lib/bootstrap";
import { sessionCookie } from "./annotations-api-bench";
import { residentBytes } from "./process-memory";
import { httpTable, runHttpBench, warmUp, type HttpBenchResult } from "./http-bench";
import { median, percentile } from "./summary-statistics";
import { EXPORT_TAG, READER_ANNOTATIONS, SEED_WORDS, seedNotebook, TOTAL_ANNOTATIONS } from "./seed-notebook";

const EXPORT_COUNT = 10_000;
/** The headline, as every session measured it. */
const CONNECTIONS = 8;
/** Fewer readers at once: one reader's own latency, then a few. */
const FEWER_CONNECTIONS = [1, 4];

const ENDPOINTS = [
  ["first page (newest 30)", ""],
  ["search, common word (`q=marginal`, ~5 % of notes)", "q=marginal"],
  ["search, rare word (`q=palimps`, 0.1 %)", "q=palimps"],
  ["search, accents and Arabic (`q=cafe حاشية`)", `q=${encodeURIComponent("cafe حاشية")}`],
  ["filter by tag (`tag=topic-3`)", "tag=topic-3"],
] as const;

/**
 * Every word of the seeded notes, the first three letters of each longer one and a few two-word searches: how a
 * search fares across a reader's vocabulary, not only for the three words of the table (one reader, one at a time).
 */
const VOCABULARY = [
  ...SEED_WORDS,
  ...SEED_WORDS.filter((word) => [...word].length > 4).map((word) => [...word].slice(0, 3).join("")),
  "ink margin",
  "note café",
  "paper ink",
].map((query) => query.toLowerCase());

/** Each query's median time over HTTP (15 requests after 3 unmeasured), one request at a time. */
async function searchVocabulary(baseUrl: string, headers: Record<string, string>): Promise<Array<{ query: string; ms: number }>> {
  const timed: Array<{ query: string; ms: number }> = [];
  for (const query of VOCABULARY) {
    const url = `${baseUrl}/api/annotations?q=${encodeURIComponent(query)}`;
    const times: number[] = [];
    for (let request = 0; request < 18; request++) {
      const started = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`search for ${query}: HTTP ${response.status}`);
      if (request >= 3) times.push(performance.now() - started);
    }
    timed.push({ query, ms: median(times) });
  }
  return timed;
}

function vocabularyLines(timed: Array<{ query: string; ms: number }>): string[] {
  const sorted = [...timed].sort((a, b) => a.ms - b.ms);
  const at = (p: number) => percentile(sorted.map(({ ms }) => ms), p).toFixed(1);
  const slowest = sorted.slice(-5).reverse().map(({ query, ms }) => `\`${query}\` ${ms.toFixed(1)}`);
  return [
    `Searches across the reader's vocabulary (${timed.length} queries: every word of the seeded notes, the first three letters of each longer one, three two-word searches; each one's median of 15 requests, one at a time): median **${at(50)} ms**, 90th percentile **${at(90)} ms**, slowest **${at(100)} ms** (the five slowest, ms: ${slowest.join(", ")}).`,
  ];
}

/** The bench database's postmaster (bench-server.ts's cluster), whose CPU time is PostgreSQL's share. */
function benchDatabasePid(): number {
  return Number(readFileSync(path.join(DATA_DIR, "bench-postgres", "postmaster.pid"), "utf8").split("\n")[0]);
}

/** Runs `work` while sampling the server's memory; returns the work's result, its time and the peak growth. */
async function measured<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; ms: number; growthMb: number }> {
  const baseline = residentBytes(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 25);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, growthMb: (Math.max(peak, residentBytes(pid)) - baseline) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The notebook at scale: search and the first page under load, exports of
 * 10,000 annotations in every format (time, server memory growth) and an
 * import of 10,000, on a database of 1,000,000 annotations.
 */
export async function runNotebookBench(baseUrl: string, pid: number): Promise<string> {
  const seedStarted = performance.now();
  const reader = await seedNotebook();
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const headers = { cookie: await sessionCookie(baseUrl, reader.email, reader.password) };

  const cpu = { serverPid: pid, databasePid: benchDatabasePid() };
  const runs: HttpBenchResult[] = [];
  const fewer: HttpBenchResult[] = [];
  for (const [label, query] of ENDPOINTS) {
    const url = `${baseUrl}/api/annotations?${query}`;
    const page = (await (await fetch(url, { headers })).json()) as { annotations: unknown[] };
    if (page.annotations.length === 0) throw new Error(`no results for ${query}`);
    await warmUp(url, headers);
    runs.push(await runHttpBench({ label: `\`GET /api/annotations?${query}\`: ${label}`, url, headers, connections: CONNECTIONS, ...cpu }));
    if (!query.startsWith("q=")) continue;
    for (const connections of FEWER_CONNECTIONS) {
      fewer.push(await runHttpBench({ label: `${label}, ${connections} connection${connections > 1 ? "s" : ""}`, url, headers, connections, ...cpu }));
    }
  }

  const vocabulary = await searchVocabulary(baseUrl, headers);

  const exports: string[] = [];
  let json = "";
  for (const format of ["md", "json", "jsonld", "csv"] as const) {
    const url = `${baseUrl}/api/annotations/export?format=${format}&tag=${EXPORT_TAG}`;
    await (await fetch(`${url}&article=the-reader-in-the-margin`, { headers })).arrayBuffer();
    const { result: body, ms, growthMb } = await measured(pid, async () => (await fetch(url, { headers })).text());
    if (format === "json") json = body;
    const count = format === "jsonld" ? (JSON.parse(body) as { total: number }).total : format === "json" ? (JSON.parse(body) as { annotations: unknown[] }).annotations.length : null;
    if (count !== null && count !== EXPORT_COUNT) throw new Error(`${format} export held ${count} annotations`);
    exports.push(`| ${format} | ${EXPORT_COUNT.toLocaleString("en")} | ${(body.length / 2 ** 20).toFixed(1)} MB | ${ms.toFixed(0)} ms | ${growthMb.toFixed(1)} MB |`);
  }

  // The JSON export imported by another reader, under fresh ids (the reader's own would be refused as someone else's).
  const file = JSON.parse(json) as { annotations: Array<{ id: string }> };
  for (const entry of file.annotations) entry.id = randomUUID();
  const upload = JSON.stringify(file);
  const importerHeaders = { cookie: await sessionCookie(baseUrl, reader.importer.email, reader.importer.password), "content-type": "application/json" };
  const imported = await measured(pid, async () => {
    const response = await fetch(`${baseUrl}/api/annotations/import`, { method: "POST", headers: importerHeaders, body: upload });
    return { status: response.status, body: await response.text() };
  });
  if (imported.result.status !== 200) throw new Error(`import failed: ${imported.result.status} ${imported.result.body.slice(0, 300)}`);
  const summary = (JSON.parse(imported.result.body) as { message: string }).message;

  // New rows wait in the search index's pending list until it is merged, and every search reads that list:
  // the dearest search again, now that another reader's 10,000 annotations have been written since the index was built.
  const [accentsLabel, accentsQuery] = ENDPOINTS[3];
  const afterWrites = await runHttpBench({
    label: `${accentsLabel}, after the import's 10,000 new annotations`,
    url: `${baseUrl}/api/annotations?${accentsQuery}`,
    headers,
    connections: CONNECTIONS,
    ...cpu,
  });

  const [first, common, rare, accents] = runs;
  return [
    "## Notebook",
    "",
    `${TOTAL_ANNOTATIONS.toLocaleString("en")} annotations in the database (seeded by generate_series in ${seedSeconds.toFixed(0)} s, search index built after), ${READER_ANNOTATIONS.toLocaleString("en")} of them the signed-in reader's. autocannon, ${CONNECTIONS} connections, 10 s each; CPU per request of the server process and of PostgreSQL (postmaster and backends).`,
    "",
    httpTable(runs),
    "",
    `- First page p99 **${first!.p99.toFixed(1)} ms** (goal < 100 ms); search p99 **${common!.p99.toFixed(1)} ms** common word, **${rare!.p99.toFixed(1)} ms** rare word, **${accents!.p99.toFixed(1)} ms** accents and Arabic (goal < 50 ms, at ${CONNECTIONS} connections).`,
    "",
    `The searches with fewer readers at once (${FEWER_CONNECTIONS.join(" and ")} connections; not the goal's measurement, which is the ${CONNECTIONS}-connection table above):`,
    "",
    httpTable(fewer),
    "",
    ...vocabularyLines(vocabulary),
    "",
    "Exports of the 10,000 annotations tagged `export-10k` (one request each, read to the end; memory: peak growth of the server's resident set while it ran):",
    "",
    "| format | annotations | size | time | server memory growth |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...exports,
    "",
    `Import of that JSON (${(upload.length / 2 ** 20).toFixed(1)} MB) by another reader: **${(imported.ms / 1000).toFixed(2)} s** (goal < 10 s), server memory growth ${imported.growthMb.toFixed(1)} MB; summary “${summary}”.`,
    "",
    `The same search after that import (${CONNECTIONS} connections; new rows wait in the index's pending list until it is merged, and every search reads the list):`,
    "",
    httpTable([afterWrites]),
  ].join("\n");
}
