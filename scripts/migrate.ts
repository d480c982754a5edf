/** `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database). */
import { log, prepareDatabase } from "./lib/bootstrap";

prepareDatabase({ databaseUrl: process.env.DATABASE_URL, clusterName: "postgres" })
  .then(async (database) => {
    log("Database is up to date.");
    await database.stop();
  })
  .catch((error) => {
    console.error(`[gloss] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
