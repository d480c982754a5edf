/** `npm run db:seed`: upserts every article in seeds/ into DATABASE_URL (or the embedded database). */
import path from "node:path";
import { log, prepareDatabase, ROOT } from "./lib/bootstrap";

async function main() {
  const database = await prepareDatabase({ databaseUrl: process.env.DATABASE_URL, clusterName: "postgres" });
  try {
    process.env.DATABASE_URL = database.databaseUrl;
    const { seedArticlesFromDirectory } = await import("../lib/articles/seed-articles");
    const result = await seedArticlesFromDirectory(path.join(ROOT, "seeds"));
    log(`Articles: ${result.created.length} new, ${result.updated.length} updated, ${result.unchanged.length} unchanged`);
    const { db } = await import("../lib/db");
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`[gloss] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
