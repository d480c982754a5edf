import path from "node:path";
import { DATA_DIR, prepareDatabase } from "./bootstrap";
import { runningEmbeddedDatabaseUrl } from "./embedded-database";

/**
 * Runs `task` against Gloss's database: DATABASE_URL when set, else the
 * embedded cluster of `npm start` — the running one if Gloss is up, otherwise
 * started (and migrated) for the task and stopped afterwards.
 */
export async function withGlossDatabase<T>(task: (databaseUrl: string) => Promise<T>): Promise<T> {
  const running = process.env.DATABASE_URL ?? (await runningEmbeddedDatabaseUrl(path.join(DATA_DIR, "postgres")));
  if (running) return task(running);
  const database = await prepareDatabase({ clusterName: "postgres" });
  try {
    return await task(database.databaseUrl);
  } finally {
    await database.stop();
  }
}
