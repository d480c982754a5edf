/**
 * `npm run db:restore FILE`: restores a backup made by `npm run db:backup`
 * into an empty database (DATABASE_URL, or a new embedded cluster in
 * .data/postgres); a database with any rows in it is refused.
 */
import path from "node:path";
import { restoreDatabase } from "./lib/backup";
import { log, ROOT } from "./lib/bootstrap";
import { withGlossDatabase } from "./lib/gloss-database";

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("Name the backup file: npm run db:restore FILE");
  const counts = await withGlossDatabase((databaseUrl) => restoreDatabase(databaseUrl, path.resolve(file), path.join(ROOT, "prisma", "migrations")));
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  log(`Restored ${rows} rows into ${Object.keys(counts).length} tables from ${file}`);
}

main().catch((error) => {
  console.error(`[gloss] Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
