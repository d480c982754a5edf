/**
 * `npm run bench`: every benchmark of Gloss in one run, results written to
 * BENCHMARKS.md with the machine they ran on. Loads only this machine
 * (loopback), bounded in time.
 *
 * `npm run bench -- anchoring api` runs only the named sections and prints
 * them without touching BENCHMARKS.md (sections: see SECTIONS).
 */
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SOAK_HEADING, sectionOf } from "../lib/benchmarks-section";
import { ROOT } from "../lib/bootstrap";
import { runAnchoringBench } from "./anchoring-bench";
import { runAnnotationsApiBench } from "./annotations-api-bench";
import { BENCH_DIST_DIR, startBenchServer, type BenchServer } from "./bench-server";
import { runLiveBench } from "./live-bench";
import { runImportBench } from "./import-bench";
import { runLighthouseBench } from "./lighthouse-bench";
import { runNotebookBench } from "./notebook-bench";
import { runReaderPageBench } from "./reader-page-bench";
import { runReaderPaintBench } from "./reader-paint-bench";
import { runReaderWeightBench } from "./reader-weight-bench";

const BENCH_SLUG = "syria-joins-us-led-coalition";

/** In report order; `server` sections share one production server. */
const SECTIONS = {
  anchoring: { server: false, run: () => runAnchoringBench() },
  "reader-page": { server: true, run: (baseUrl: string, server?: BenchServer) => runReaderPageBench(baseUrl, BENCH_SLUG, server!.pid) },
  "reader-weight": { server: true, run: (baseUrl: string) => runReaderWeightBench(baseUrl, BENCH_SLUG, path.join(ROOT, BENCH_DIST_DIR)) },
  lighthouse: { server: true, run: (baseUrl: string) => runLighthouseBench(baseUrl, BENCH_SLUG) },
  api: { server: true, run: (baseUrl: string) => runAnnotationsApiBench(baseUrl, BENCH_SLUG) },
  "reader-paint": { server: true, run: (baseUrl: string) => runReaderPaintBench(baseUrl) },
  import: { server: true, run: (baseUrl: string) => runImportBench(baseUrl) },
  notebook: { server: true, run: (baseUrl: string, server?: BenchServer) => runNotebookBench(baseUrl, server!.pid) },
  live: { server: true, run: (_baseUrl: string, server?: BenchServer) => runLiveBench(server!, BENCH_SLUG) },
} satisfies Record<string, { server: boolean; run: (baseUrl: string, server?: BenchServer) => Promise<string> }>;

type SectionName = keyof typeof SECTIONS;

function machine(): string {
  const cpus = os.cpus();
  return [
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; load generator (autocannon) and server on the same machine`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    "- Command: `npm run bench`",
  ].join("\n");
}

function selectedSections(args: string[]): SectionName[] {
  const all = Object.keys(SECTIONS) as SectionName[];
  if (args.length === 0) return all;
  const unknown = args.filter((arg) => !all.includes(arg as SectionName));
  if (unknown.length > 0) throw new Error(`unknown bench section(s): ${unknown.join(", ")}; known: ${all.join(", ")}`);
  return all.filter((name) => args.includes(name));
}

async function main() {
  const selected = selectedSections(process.argv.slice(2));
  const sections: string[] = [];
  for (const name of selected.filter((n) => !SECTIONS[n].server)) {
    console.log(`[bench] ${name} …`);
    sections.push(await SECTIONS[name].run(""));
  }
  const serverSections = selected.filter((n) => SECTIONS[n].server);
  if (serverSections.length > 0) {
    console.log("[bench] starting a production server on a fresh database …");
    const server = await startBenchServer();
    try {
      for (const name of serverSections) {
        console.log(`[bench] ${name} …`);
        sections.push(await SECTIONS[name].run(server.baseUrl, server));
      }
    } finally {
      await server.stop();
    }
  }

  // The soak's section is written by `npm run soak`; a full bench keeps it.
  const soak = sectionOf(await readFile(path.join(ROOT, "BENCHMARKS.md"), "utf8").catch(() => ""), SOAK_HEADING);
  const report = ["# Benchmarks", "", machine(), "", ...[...sections, ...(soak ? [soak] : [])].flatMap((section) => [section, ""])].join("\n");
  if (selected.length === Object.keys(SECTIONS).length) await writeFile(path.join(ROOT, "BENCHMARKS.md"), report);
  console.log(report);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
