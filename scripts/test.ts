/**
 * `npm test`: type-check, lint, unit + integration tests (Vitest) and the
 * Playwright end-to-end suite against a production build, all on a real
 * PostgreSQL: the embedded test cluster in `.data/test-postgres` (reset at
 * every run, never the `npm start` database) or TEST_DATABASE_URL.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { startInBackground, type BackgroundTask } from "./lib/background-task";
import { localAuthSecret, log, onShutdown, prepareDatabase, ROOT } from "./lib/bootstrap";
import { findChromium } from "./lib/chromium";
import { recreateDatabase } from "./lib/database-admin";
import { findFreePort } from "./lib/embedded-database";
import { migrate } from "./lib/migrate";
import { startBuildIfNeeded } from "./lib/next-process";

// Overridable so two checkouts' runs on one machine never share a build or cluster.
const TEST_DIST_DIR = process.env.GLOSS_TEST_DIST_DIR ?? ".next-test";
const TEST_CLUSTER = process.env.GLOSS_TEST_CLUSTER ?? "test-postgres";

/** Runs a step in the foreground. Asynchronously, so that background tasks' output keeps draining meanwhile. */
async function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  log(label);
  const started = Date.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (status !== 0) throw new Error(`${label} failed`);
  log(`${label}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

function bin(name: string) {
  return path.join(ROOT, "node_modules", ".bin", name);
}

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`TEST_DATABASE_URL points at ${host}; tests reset their database and only run against a local one.`);
  }
}

// `npm test -- --quick e2e/reader.spec.ts` skips type-check and lint, and
// `--e2e`/`--unit` run one half; other arguments go to Playwright.
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.includes("--e2e") ? "e2e" : args.includes("--unit") ? "unit" : "all";
const playwrightArgs = args.filter((arg) => !["--quick", "--e2e", "--unit"].includes(arg));

async function main() {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error("[gloss] No Chromium found: install one with `apt-get install -y chromium` (or `npx playwright install chromium`).");
    process.exit(1);
  }

  // The type-check, lint and the production build need no database: they run
  // beside the database's start, the seeding and the tests, so no core waits.
  // Each reports when it is done; the run fails at the end if any failed.
  const typeCheck = quick ? null : startInBackground("Type-checking", bin("tsc"), ["--noEmit", "-p", "."]);
  // Like tsc's incremental build info, ESLint's cache (keyed by file contents) spares re-linting unchanged files locally.
  const lintCache = ["--cache", "--cache-strategy", "content", "--cache-location", "node_modules/.cache/eslint/"];
  const lint = quick ? null : startInBackground("Linting", bin("eslint"), [".", "--max-warnings=0", ...lintCache]);
  let build: BackgroundTask | null = null;
  let unitTests: BackgroundTask | null = null;
  process.on("exit", () => {
    for (const task of [typeCheck, lint, build, unitTests]) task?.stop();
  });

  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  if (testDatabaseUrl) assertLocal(testDatabaseUrl);
  const database = await prepareDatabase({ databaseUrl: testDatabaseUrl, clusterName: TEST_CLUSTER, reset: true, disposable: true });
  onShutdown(database.stop);
  try {
    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.databaseUrl,
      GLOSS_TEST_DATABASE_URL: database.databaseUrl,
      NEXTAUTH_SECRET: await localAuthSecret(),
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_DIST_DIR: TEST_DIST_DIR,
      GLOSS_TEST_PORT: String(port),
      GLOSS_CHROMIUM: chromiumPath,
      // The import tests serve their pages from a local server.
      GLOSS_FETCH_ALLOW_PRIVATE: "1",
      // Every test reader signs up from 127.0.0.1, more than the default 50 an hour.
      GLOSS_SIGN_UPS_PER_HOUR: "10000",
    };
    if (only !== "unit") build = startBuildIfNeeded({ ...env, NODE_ENV: "production" }, TEST_DIST_DIR);
    await run("Seeding the test database", bin("tsx"), ["scripts/seed.ts"], env);
    if (only !== "e2e") {
      // Integration tests make articles and readers of their own: they get a
      // database of their own on the same server, so the browser suite sees
      // exactly the seeded library.
      const unitName = `${new URL(database.databaseUrl).pathname.slice(1)}_unit`;
      const unitDatabaseUrl = await recreateDatabase(database.databaseUrl, unitName);
      await migrate(unitDatabaseUrl, path.join(ROOT, "prisma", "migrations"));
      const unitEnv = { ...env, DATABASE_URL: unitDatabaseUrl, GLOSS_TEST_DATABASE_URL: unitDatabaseUrl };
      // The browser suite spends most of its time waiting on pages, so Vitest
      // runs beside it (its output shown when it is done); alone, in the foreground.
      if (only === "unit") await run("Unit and integration tests", bin("vitest"), ["run"], unitEnv);
      else unitTests = startInBackground("Unit and integration tests", bin("vitest"), ["run"], { env: unitEnv });
    }
    // Every part runs to the end and reports, whichever fails first.
    const browserSuite =
      only === "unit" ? Promise.resolve() : (async () => {
        await build?.finish();
        await run("End-to-end tests", bin("playwright"), ["test", ...playwrightArgs], env);
      })();
    const results = await Promise.allSettled([typeCheck?.finish(), lint?.finish(), unitTests?.finish(), browserSuite]);
    for (const result of results) if (result.status === "rejected") throw result.reason;
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`[gloss] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
