import os from "node:os";
import { SOAK_HEADING } from "../lib/benchmarks-section";

export interface SoakReport {
  writers: number;
  seconds: number;
  attempted: number;
  acknowledged: number;
  requests: number;
  resentRequests: number;
  expectedPresent: number;
  found: number;
  duplicated: number;
  lost: number;
  unansweredAtEnd: number;
  outage503: number;
  noAnswer: number;
  other5xx: number;
  refused4xx: number;
  recovery: { what: string; recoveryMs: number | null }[];
}

/** The soak's section of BENCHMARKS.md. */
export function soakSection(report: SoakReport): string {
  const cpus = os.cpus();
  const row = (what: string, value: string | number) => `| ${what} | ${value} |`;
  return [
    SOAK_HEADING,
    "",
    `\`npm run soak\` on ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)} (a shared machine: other work ran meanwhile).`,
    `${report.writers} writers create, edit (with baseVersion) and delete annotations over HTTP for ${report.seconds} s, about 10 % of requests sent twice;`,
    "every write is sent again until acknowledged, as the reader's outbox does. PostgreSQL is SIGKILLed twice (the embedded",
    "database's watchdog starts it again, as under `npm start`) and the app is restarted once (SIGTERM, new process).",
    "Afterwards every acknowledged write is looked up in PostgreSQL. Recovery: from the fault until the first write sent",
    "after it was acknowledged (goal < 5 s).",
    "",
    "| measure | value |",
    "| --- | ---: |",
    row("writes attempted", report.attempted),
    row("writes acknowledged", report.acknowledged),
    row("HTTP requests (of which sent twice on purpose)", `${report.requests} (${report.resentRequests})`),
    row("annotations that must exist / found as acknowledged", `${report.expectedPresent} / ${report.found}`),
    row("**lost** (acknowledged, then missing or with an older note)", `**${report.lost}**`),
    row("**duplicated** (rows never created by an acknowledged id, or back after an acknowledged delete)", `**${report.duplicated}**`),
    row("writes still unanswered 30 s after the end", report.unansweredAtEnd),
    row("503 database_unavailable answers (the outage, as designed)", report.outage503),
    row("requests without an answer (connection refused/reset while restarting)", report.noAnswer),
    row("**other 5xx**", `**${report.other5xx}**`),
    row("4xx to writes that should have been accepted", report.refused4xx),
    ...report.recovery.map((event) => row(`recovery after ${event.what}`, event.recoveryMs === null ? "none" : `${(event.recoveryMs / 1000).toFixed(1)} s`)),
  ].join("\n");
}
