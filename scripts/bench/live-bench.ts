import os from "node:os";
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { sessionCookie } from "./annotations-api-bench";
import type { BenchServer } from "./bench-server";
import { residentBytes } from "./process-memory";
import { httpTable, runHttpBench, warmUp, type HttpBenchResult } from "./http-bench";
import { seedReaderAnnotations } from "./seed-reader-annotations";
import { percentile } from "./summary-statistics";

const STREAMS = 1000;
const CHANGES = 40;
const CHANGE_EVERY_MS = 250;


interface OpenStream {
  request: http.ClientRequest;
  /** Arrival time (performance.now()) of each event id. */
  arrivals: Map<string, number>;
}

/** A signed-out reader's event stream, parsed just enough to time each event by its id. */
function openStream(url: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const arrivals = new Map<string, number>();
    const request = http.get(url, { agent: false, headers: { Accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1];
          if (id) arrivals.set(id, now);
          buffer = buffer.slice(end + 2);
        }
      });
      resolve({ request, arrivals });
    });
    request.on("error", reject);
  });
}

async function throughput(label: string, instances: string[], options: { path: string; headers: Record<string, string>; body?: () => string }): Promise<HttpBenchResult> {
  const runs = await Promise.all(
    instances.map((baseUrl) =>
      runHttpBench({
        label,
        url: `${baseUrl}${options.path}`,
        connections: 32 / instances.length,
        durationSeconds: 8,
        method: options.body ? "POST" : "GET",
        headers: options.body ? { ...options.headers, "content-type": "application/json" } : options.headers,
        body: options.body,
      }),
    ),
  );
  const sum = (pick: (run: HttpBenchResult) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    label,
    requestsPerSecond: sum((run) => run.requestsPerSecond),
    p50: Math.max(...runs.map((run) => run.p50)),
    p99: Math.max(...runs.map((run) => run.p99)),
    errors: sum((run) => run.errors),
    non2xx: sum((run) => run.non2xx),
    total: sum((run) => run.total),
  };
}

/**
 * Two instances on one PostgreSQL: 1,000 open event streams spread over both,
 * the time from a committed change to its arrival on every stream, the memory
 * an open stream costs, and the list and create throughput of two instances
 * against one.
 */
export async function runLiveBench(server: BenchServer, slug: string): Promise<string> {
  const second = await server.startAnother();
  const instances = [server.baseUrl, second.baseUrl];
  const pids = [server.pid, second.pid];
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    const reader = await seedReaderAnnotations({ slug, count: 200, seed: 11 });
    const { rows } = await pool.query<{ id: string }>(
      `UPDATE annotations SET visibility = 'public', note = 'bench' WHERE id = (
         SELECT a.id FROM annotations a JOIN articles ar ON ar.id = a.article_id WHERE ar.slug = $1 LIMIT 1) RETURNING id::text`,
      [slug],
    );
    const target = rows[0]!.id;

    for (const baseUrl of instances) await warmUp(`${baseUrl}/api/articles/${slug}/annotations`);
    const memoryBefore = pids.map(residentBytes);
    const streams: OpenStream[] = [];
    for (let i = 0; i < STREAMS; i++) streams.push(await openStream(`${instances[i % 2]}/api/articles/${slug}/events`));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const memoryAfter = pids.map(residentBytes);
    const bytesPerStream = (memoryAfter[0]! + memoryAfter[1]! - memoryBefore[0]! - memoryBefore[1]!) / STREAMS;

    // Each change is committed straight in SQL; its seq is how streams name it.
    const committedAt = new Map<string, number>();
    for (let i = 0; i < CHANGES; i++) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("UPDATE annotations SET note = $1 WHERE id = $2::uuid", [`bench ${i}`, target]);
        await client.query("COMMIT");
        const committed = performance.now();
        const { rows: logged } = await client.query<{ seq: string }>(
          "SELECT max(seq)::text AS seq FROM change_log WHERE annotation_id = $1::uuid",
          [target],
        );
        committedAt.set(logged[0]!.seq, committed);
      } finally {
        client.release();
      }
      await new Promise((resolve) => setTimeout(resolve, CHANGE_EVERY_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const latencies: number[] = [];
    const slowestPerChange: number[] = [];
    let missing = 0;
    for (const [seq, committed] of committedAt) {
      let slowest = 0;
      for (const stream of streams) {
        const arrived = stream.arrivals.get(seq);
        if (arrived === undefined) {
          missing += 1;
          continue;
        }
        latencies.push(arrived - committed);
        slowest = Math.max(slowest, arrived - committed);
      }
      slowestPerChange.push(slowest);
    }
    for (const stream of streams) stream.request.destroy();
    latencies.sort((a, b) => a - b);
    slowestPerChange.sort((a, b) => a - b);

    // An article changed straight in the database: how soon both instances serve the new page (NOTIFY → revalidatePath on each).
    const pageUrls = instances.map((baseUrl) => `${baseUrl}/articles/${slug}`);
    for (const url of pageUrls) await fetch(url).then((response) => response.text());
    const invalidations: number[] = [];
    for (let i = 0; i < 5; i++) {
      const title = `Bench title ${randomUUID()}`;
      const { rows: titled } = await pool.query<{ title: string }>("UPDATE articles SET title = $1 WHERE slug = $2 RETURNING (SELECT title FROM articles WHERE slug = $2)", [title, slug]);
      const committed = performance.now();
      await Promise.all(
        pageUrls.map(async (url) => {
          while (!(await (await fetch(url)).text()).includes(title)) await new Promise((resolve) => setTimeout(resolve, 5));
        }),
      );
      invalidations.push(performance.now() - committed);
      await pool.query("UPDATE articles SET title = $1 WHERE slug = $2", [titled[0]!.title, slug]);
    }
    invalidations.sort((a, b) => a - b);

    // Throughput of one instance against two, on the same database.
    const cookie = await sessionCookie(server.baseUrl, reader.email, reader.password);
    const { db } = await import("../../lib/db");
    const article = await db.article.findUniqueOrThrow({ where: { slug }, select: { text: true } });
    const words = [...article.text.matchAll(/\p{L}{4,}/gu)].slice(0, 500);
    let next = 0;
    const createBody = () => {
      const word = words[next++ % words.length]!;
      const start = word.index;
      return JSON.stringify({ id: randomUUID(), articleSlug: slug, color: "yellow", quote: { exact: word[0], prefix: "", suffix: "" }, position: { start, end: start + word[0].length } });
    };
    const list = { path: `/api/articles/${slug}/annotations`, headers: { cookie } };
    const create = { path: "/api/annotations", headers: { cookie }, body: createBody };
    const rowsOfThroughput = [
      await throughput("list (200 annotations), one instance", [server.baseUrl], list),
      await throughput("list (200 annotations), two instances", instances, list),
      await throughput("`POST /api/annotations`, one instance", [server.baseUrl], create),
      await throughput("`POST /api/annotations`, two instances", instances, create),
    ];

    const ms = (value: number) => value.toFixed(1);
    const load = os.loadavg().map((value) => value.toFixed(1)).join(", ");
    return [
      "## Live updates and several instances",
      "",
      `Two \`next start\` instances of one build on one PostgreSQL. ${STREAMS} signed-out event streams (\`GET /api/articles/${slug}/events\`), half on each instance, read by one Node process; ${CHANGES} changes to a public note committed straight in SQL, ${CHANGE_EVERY_MS} ms apart. Latency is from the commit returning to the event's arrival at a stream (NOTIFY → each instance's listener reads the log → fan-out → SSE), measured in the same process that commits. Load average at the end of the run (other work on this machine included): ${load}.`,
      "",
      "| measure | value |",
      "| --- | ---: |",
      `| commit → arrival, p50 over all ${latencies.length} arrivals | ${ms(percentile(latencies, 50))} ms |`,
      `| commit → arrival, p99 over all arrivals | ${ms(percentile(latencies, 99))} ms |`,
      `| commit → arrival at the last of the ${STREAMS} streams, p50 over changes | ${ms(percentile(slowestPerChange, 50))} ms |`,
      `| commit → arrival at the last of the ${STREAMS} streams, p99 over changes | ${ms(percentile(slowestPerChange, 99))} ms |`,
      `| events missed | ${missing} |`,
      `| server memory per open stream (RSS of both instances, before/after) | ${(bytesPerStream / 1024).toFixed(1)} KiB |`,
      `| article changed in SQL → new page served by both instances, median of ${invalidations.length} (max) | ${ms(percentile(invalidations, 50))} ms (${ms(invalidations.at(-1)!)} ms) |`,
      "",
      "List and create throughput, autocannon, 32 connections in all (split evenly over the instances), 8 s each; the list signed in as a reader with 200 annotations. Everything (PostgreSQL, both instances, the load generator) shares this machine's cores, so a second instance adds no CPU here; it shows that nothing is lost or serialised by running two.",
      "",
      httpTable(rowsOfThroughput),
    ].join("\n");
  } finally {
    await pool.end();
    await second.stop();
  }
}
