/**
 * Lighthouse (mobile preset: Moto G Power viewport, simulated slow 4G and 4×
 * CPU slowdown) on the pages a reader meets first: the reader, the library,
 * a shared note and the notebook (signed in, through a session cookie).
 * Five runs a page, as Lighthouse's variability guide advises
 * (docs/variability.md: the median of five halves the spread of one run):
 * the table shows the run Lighthouse's own computeMedianRun picks (nearest the
 * median first paint and time to interactive), and a line a page gives the
 * median and range of the score and the metrics of the goal over all runs.
 * Runs Lighthouse's own command line (a fresh Chromium per run, found
 * through CHROME_PATH); the Node API cannot run under tsx, whose helpers end
 * up in the functions Lighthouse sends to the page. The reported run comes
 * with the requests Lighthouse's simulation charged to its largest paint
 * (lantern-graph.ts).
 *
 * Needs a running production server whose DATABASE_URL is also this
 * process's (the reader and their public note are seeded straight into it).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { findChromium, lighthouseChromiumFlags } from "../lib/chromium";
import { sessionCookie } from "./annotations-api-bench";
import { describeLargestPaintGraph, parseLargestPaintGraph, type LargestPaintGraph } from "./lantern-graph";
import { seedReaderAnnotations } from "./seed-reader-annotations";
import { median } from "./summary-statistics";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

interface Run {
  lhr: Result;
  /** Lantern's pessimistic largest-paint graph of this run (see lantern-graph.ts). */
  largestPaint: LargestPaintGraph;
}

interface Audited extends Run {
  label: string;
  path: string;
  /** Every run of the page, the reported one among them. */
  all: Result[];
}

async function seedSharedNote(slug: string): Promise<{ email: string; password: string; noteId: string }> {
  const reader = await seedReaderAnnotations({ slug, count: 30 });
  const { db } = await import("../../lib/db");
  const note = await db.annotation.findFirstOrThrow({ where: { author: { email: reader.email } }, select: { id: true } });
  await db.annotation.update({
    where: { id: note.id },
    data: { visibility: "public", note: "The coalition's **first week**, as the paper reported it." },
  });
  return { email: reader.email, password: reader.password, noteId: note.id };
}

const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");

/** One Lighthouse run; LANTERN_DEBUG and --save-assets make it write its simulations, read back for the largest paint. */
async function audit(url: string, cookie?: string): Promise<Run> {
  const chromium = findChromium();
  if (!chromium) throw new Error("Lighthouse needs Chromium (/usr/bin/chromium or Playwright's)");
  const folder = await mkdtemp(path.join(os.tmpdir(), "gloss-lighthouse-"));
  try {
    const report = path.join(folder, "run.json");
    const args = [
      LIGHTHOUSE_CLI,
      url,
      "--output=json",
      `--output-path=${report}`,
      "--save-assets",
      "--quiet",
      `--only-categories=${CATEGORIES.join(",")}`,
      `--chrome-flags=${lighthouseChromiumFlags().join(" ")}`,
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ];
    await promisify(execFile)(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromium, LANTERN_DEBUG: "1" } });
    const lhr = JSON.parse(await readFile(report, "utf8")) as Result;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
    const graphTrace = await readFile(path.join(folder, "run-pessimisticLargestContentfulPaint.trace.json"), "utf8").catch(() => null);
    return { lhr, largestPaint: graphTrace ? parseLargestPaintGraph(JSON.parse(graphTrace)) : { endMs: NaN, requests: [] } };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The run Lighthouse itself reports as the median of several (its computeMedianRun, as Lighthouse CI uses). */
function medianRun(results: Run[]): Run {
  const median = computeMedianRun(results.map((run) => run.lhr));
  return results.find((run) => run.lhr === median)!;
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const metric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;

/**
 * How fast Lighthouse rates this host's CPU (its benchmark index, over every run), and whether it warned that the host
 * is slower than its 4× CPU slowdown assumes (it does below 1,000): simulated blocking time scales with the host's speed.
 */
function hostLine(audited: Audited[]): string {
  const runs = audited.flatMap((page) => page.all);
  const indexes = runs.map((lhr) => lhr.environment.benchmarkIndex);
  const slowHostWarnings = runs.filter((lhr) => lhr.runWarnings.some((warning) => /slower CPU/i.test(warning))).length;
  return (
    `Lighthouse's benchmark index of this host: median ${median(indexes).toFixed(0)} (${Math.min(...indexes).toFixed(0)}–${Math.max(...indexes).toFixed(0)}) over ${runs.length} runs; ` +
    `runs it warned of a slow host CPU in: ${slowHostWarnings}.`
  );
}

/** A page's score and the goal's metrics over all its runs: median (lowest–highest), so one run's luck shows as such. */
function spreadLine({ label, all }: Audited): string {
  const spread = (values: number[], format: (value: number) => string) =>
    `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
  const seconds = (value: number) => (value / 1000).toFixed(2);
  return [
    `- ${label}: performance ${spread(all.map((lhr) => score(lhr, "performance")), String)}`,
    `LCP ${spread(all.map((lhr) => metric(lhr, "largest-contentful-paint")), seconds)} s`,
    `TBT ${spread(all.map((lhr) => metric(lhr, "total-blocking-time")), (value) => value.toFixed(0))} ms`,
    `CLS ${spread(all.map((lhr) => metric(lhr, "cumulative-layout-shift")), (value) => value.toFixed(3))}`,
  ].join(", ");
}

function row({ label, path, lhr }: Audited): string {
  const seconds = (id: string) => `${(metric(lhr, id) / 1000).toFixed(2)} s`;
  return [
    `| ${label} (\`${path}\`)`,
    ...CATEGORIES.map((category) => String(score(lhr, category))),
    seconds("first-contentful-paint"),
    seconds("largest-contentful-paint"),
    `${metric(lhr, "total-blocking-time").toFixed(0)} ms`,
    metric(lhr, "cumulative-layout-shift").toFixed(3),
    seconds("speed-index"),
  ].join(" | ") + " |";
}

/** What held a page's score down: the failing audits with a time saving or a score below 0.9. */
function findings({ label, lhr }: Audited): string | null {
  const failing = Object.values(lhr.audits)
    .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "manual")
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
  return failing.length > 0 ? `- ${label}: ${failing.join(", ")}` : null;
}

/**
 * The reported run's largest paint as Lantern built it: the paint Chromium
 * showed unthrottled, and the requests its graph kept (the estimate is the
 * mean of this graph and an optimistic one that leaves out some main-thread
 * tasks; both keep the same requests).
 */
function largestPaintLine({ label, lhr, largestPaint }: Audited): string {
  const observed = (lhr.audits.metrics?.details as { items?: { observedLargestContentfulPaint?: number }[] } | undefined)?.items?.[0]
    ?.observedLargestContentfulPaint;
  return `- ${label}: painted at ${observed ?? "?"} ms unthrottled; graph ${describeLargestPaintGraph(largestPaint)}`;
}

/**
 * With GLOSS_LIGHTHOUSE_REPORTS set to a folder, the reported runs' full
 * reports go there (one JSON a page), for what the table leaves out: the
 * largest paint's element, the main thread's tasks by script.
 */
async function saveReports(audited: Audited[]): Promise<void> {
  const folder = process.env.GLOSS_LIGHTHOUSE_REPORTS;
  if (!folder) return;
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir(folder, { recursive: true });
  for (const { label, lhr } of audited) {
    await writeFile(`${folder}/${label.toLowerCase().replace(/[^a-z]+/g, "-")}.json`, JSON.stringify(lhr));
  }
}

export async function runLighthouseBench(baseUrl: string, slug: string, runs = 5): Promise<string> {
  const shared = await seedSharedNote(slug);
  const cookie = await sessionCookie(baseUrl, shared.email, shared.password);
  const pages: { label: string; path: string; cookie?: string }[] = [
    { label: "Reader", path: `/articles/${slug}` },
    { label: "Library", path: "/" },
    { label: "Shared note", path: `/n/${shared.noteId}` },
    { label: "Notebook, signed in", path: "/notebook", cookie },
  ];
  const audited: Audited[] = [];
  for (const page of pages) {
    await audit(`${baseUrl}${page.path}`, page.cookie); // warm-up: the server's caches
    const results: Run[] = [];
    for (let run = 0; run < runs; run++) results.push(await audit(`${baseUrl}${page.path}`, page.cookie));
    audited.push({ ...page, ...medianRun(results), all: results.map((run) => run.lhr) });
  }
  await saveReports(audited);
  const [load1, load5] = (await import("node:os")).loadavg();
  const notes = audited.map(findings).filter((line): line is string => line !== null);
  return [
    "## Lighthouse (mobile)",
    "",
    `Lighthouse ${audited[0]!.lhr.lighthouseVersion}, mobile preset (simulated slow 4G, 4× CPU slowdown), ${audited[0]!.lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium"} headless; ` +
      `of ${runs} runs after a warm-up run per page, the one Lighthouse's computeMedianRun picks. Load average after the runs: ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min). ` +
      "Goals: performance ≥ 95 (LCP ≤ 2.0 s, TBT ≤ 150 ms, CLS ≤ 0.02), the other three categories 100.",
    "",
    hostLine(audited),
    "",
    "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | speed index |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...audited.map(row),
    "",
    `Over all ${runs} runs of each page, median (lowest–highest):`,
    "",
    ...audited.map(spreadLine),
    "",
    "Where the largest paint's time goes in the reported runs (Lantern's pessimistic graph: every request that ended before the paint Chromium showed unthrottled, scripts too unless their evaluation is seen to start after it):",
    "",
    ...audited.map(largestPaintLine),
    ...(notes.length > 0 ? ["", "Audits below 0.9 in the reported runs:", "", ...notes] : []),
  ].join("\n");
}
