/**
 * `npm run soak`: proves that no acknowledged write is lost or duplicated
 * under faults. 50 writers create, edit and delete annotations over real HTTP
 * for 60 s, ~10 % of requests sent twice; meanwhile PostgreSQL is SIGKILLed
 * twice (the embedded database's watchdog starts it again, as under
 * `npm start`) and the app is restarted once (SIGTERM, then a new process).
 * Afterwards the database is compared with what the server acknowledged,
 * and the figures go into BENCHMARKS.md (its soak section).
 * Everything runs on a throw-away embedded cluster and a production build.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { SOAK_HEADING, withSection } from "./lib/benchmarks-section";
import { DATA_DIR, log, ROOT } from "./lib/bootstrap";
import { findFreePort, startEmbeddedDatabase } from "./lib/embedded-database";
import { migrate } from "./lib/migrate";
import { buildIfNeeded } from "./lib/next-process";
import { nextStartArgs } from "./lib/next-server-command";
import { killPostgres, recoveryMs } from "./soak/soak-faults";
import { soakSection, type SoakReport } from "./soak/soak-report";
import { newLedger, runWriter } from "./soak/soak-writer";

const WRITERS = 50;
const DURATION_MS = 60_000;
const ARTICLE = "the-reader-in-the-margin";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startApp(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, nextStartArgs(port, "127.0.0.1"), {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
}

async function waitForHealth(baseUrl: string) {
  for (;;) {
    if ((await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok) return;
    await sleep(100);
  }
}

async function main() {
  const dataDir = path.join(DATA_DIR, `soak-${process.pid}`);
  const database = await startEmbeddedDatabase(dataDir, log, { restartWhenItDies: true });
  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  db.on("error", () => {});
  let app: ChildProcess | undefined;
  try {
    await migrate(database.url, path.join(ROOT, "prisma", "migrations"));
    const secret = randomBytes(32).toString("base64url");
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: baseUrl };
    const seeded = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/seed.ts"], { cwd: ROOT, env, stdio: "inherit" });
    if (seeded.status !== 0) throw new Error("seeding failed");
    buildIfNeeded({ ...env, NODE_ENV: "production" });

    const { rows: users } = await db.query<{ id: string; email: string; name: string }>(
      `INSERT INTO users (id, email, name, password_hash)
       SELECT gen_random_uuid(), 'soak-' || n || '-' || $1 || '@example.test', 'Soak ' || n, 'no password: signed in by token'
         FROM generate_series(1, ${WRITERS}) AS n RETURNING id::text, email, name`,
      [randomBytes(4).toString("hex")],
    );
    const { rows: articles } = await db.query<{ text: string }>("SELECT text FROM articles WHERE slug = $1", [ARTICLE]);
    const text = articles[0]!.text;
    const cookies = await Promise.all(
      users.map(async (user) => `next-auth.session-token=${await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret })}`),
    );

    app = startApp(port, env);
    await waitForHealth(baseUrl);
    log(`Soak: ${WRITERS} writers for ${DURATION_MS / 1000} s against ${baseUrl}`);

    const ledger = newLedger();
    const start = Date.now();
    const until = start + DURATION_MS;
    const writers = users.map((user, index) =>
      runWriter({ baseUrl, cookie: cookies[index]!, userId: user.id, articleSlug: ARTICLE, text, until, ledger }),
    );

    const events: { what: string; at: number }[] = [];
    await sleep(12_000);
    events.push({ what: "PostgreSQL SIGKILL (1)", at: Date.now() });
    await killPostgres(dataDir);
    await sleep(16_000);
    events.push({ what: "PostgreSQL SIGKILL (2)", at: Date.now() });
    await killPostgres(dataDir);
    await sleep(14_000);
    events.push({ what: "app restart (SIGTERM, new process)", at: Date.now() });
    const stopped = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await stopped;
    app = startApp(port, env);
    await Promise.all(writers);
    const elapsed = Date.now() - start;

    const { rows } = await db.query<{ id: string; note: string | null }>(
      "SELECT id::text, note FROM annotations WHERE author_id = ANY($1::uuid[])",
      [users.map((user) => user.id)],
    );
    const stored = new Map(rows.map((row) => [row.id, row.note]));
    let found = 0;
    let lost = 0;
    let resurrected = 0;
    for (const [id, expected] of ledger.expected) {
      if (ledger.uncertain.has(id)) continue;
      if (expected.deleted) {
        if (stored.has(id)) resurrected++;
      } else if (stored.has(id) && stored.get(id) === expected.note) {
        found++;
      } else {
        lost++;
      }
    }
    const duplicated = rows.filter((row) => !ledger.sentCreateIds.has(row.id)).length + resurrected;
    const report: SoakReport = {
      writers: WRITERS,
      seconds: Math.round(elapsed / 1000),
      attempted: ledger.attempted,
      acknowledged: ledger.acknowledged,
      requests: ledger.requests,
      resentRequests: ledger.duplicateSends,
      expectedPresent: [...ledger.expected.values()].filter((entry) => !entry.deleted).length,
      found,
      duplicated,
      lost,
      unansweredAtEnd: ledger.uncertain.size,
      outage503: ledger.outage503,
      noAnswer: ledger.noAnswer,
      other5xx: ledger.other5xx.length,
      refused4xx: ledger.refused.length,
      recovery: events.map((event) => ({ what: event.what, recoveryMs: recoveryMs(ledger.acknowledgements, event.at) })),
    };
    const section = soakSection(report);
    console.log(section);
    const benchmarks = path.join(ROOT, "BENCHMARKS.md");
    await writeFile(benchmarks, withSection(await readFile(benchmarks, "utf8"), SOAK_HEADING, section));
    for (const fault of [...ledger.other5xx.slice(0, 5).map((entry) => `${entry.status} ${entry.body}`), ...ledger.refused.slice(0, 5)]) console.log(`  ${fault}`);
    if (lost > 0 || duplicated > 0 || ledger.other5xx.length > 0 || ledger.refused.length > 0) process.exitCode = 1;
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once("exit", resolve));
      app.kill("SIGTERM");
      await exited;
    }
    await db.end();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(`[gloss] soak failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
