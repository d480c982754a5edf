/**
 * `npm run bench`: every benchmark of Gloss in one run, results written to
 * BENCHMARKS.md with the machine they ran on. Loads only this machine
 * (loopback), bounded in time.
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../lib/bootstrap";
import { runAnchoringBench } from "./anchoring-bench";
import { runAnnotationsApiBench } from "./annotations-api-bench";
import { startBenchServer } from "./bench-server";
import { runReaderPageBench } from "./reader-page-bench";
import { runReaderPaintBench } from "./reader-paint-bench";
import { runReaderWeightBench } from "./reader-weight-bench";

const BENCH_SLUG = "syria-joins-us-led-coalition";

function machine(): string {
  const cpus = os.cpus();
  return [
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; load generator (autocannon) and server on the same machine`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    "- Command: `npm run bench`",
  ].join("\n");
}

async function main() {
  const sections: string[] = [];
  console.log("[bench] anchoring …");
  sections.push(await runAnchoringBench());

  console.log("[bench] starting a production server on a fresh database …");
  const server = await startBenchServer();
  try {
    console.log("[bench] reader page …");
    sections.push(await runReaderPageBench(server.baseUrl, BENCH_SLUG));
    console.log("[bench] reader first-visit weight …");
    sections.push(await runReaderWeightBench(server.baseUrl, BENCH_SLUG));
    console.log("[bench] annotations API …");
    sections.push(await runAnnotationsApiBench(server.baseUrl, BENCH_SLUG));
    console.log("[bench] reader paint (Chromium) …");
    sections.push(await runReaderPaintBench(server.baseUrl));
  } finally {
    await server.stop();
  }

  const report = ["# Benchmarks", "", machine(), "", ...sections.flatMap((section) => [section, ""])].join("\n");
  await writeFile(path.join(ROOT, "BENCHMARKS.md"), report);
  console.log(report);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
