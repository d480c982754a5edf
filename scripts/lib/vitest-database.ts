import { rm } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR, prepareDatabase } from "./bootstrap";

/**
 * Vitest global setup: tests that touch data get a real PostgreSQL. Under
 * `npm test` that is the run's test database (GLOSS_TEST_DATABASE_URL); a
 * bare `npx vitest` gets a throw-away embedded cluster of its own, so it can
 * never touch the `npm start` database.
 */
export default async function setup() {
  const given = process.env.GLOSS_TEST_DATABASE_URL;
  if (given) {
    process.env.DATABASE_URL = given;
    return;
  }
  const clusterName = `vitest-${process.pid}`;
  const database = await prepareDatabase({ clusterName });
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.GLOSS_TEST_DATABASE_URL = database.databaseUrl;
  return async () => {
    await database.stop();
    await rm(path.join(DATA_DIR, clusterName), { recursive: true, force: true });
  };
}
