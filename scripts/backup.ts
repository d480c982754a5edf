/**
 * `npm run db:backup [FILE]`: a consistent backup of Gloss's database
 * (scripts/lib/backup.ts) to FILE, by default .data/backups/gloss-<time>.jsonl.gz.
 * Works while Gloss runs: on the embedded database it connects to the
 * PostgreSQL `npm start` is running, or starts it for the backup.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "./lib/backup";
import { DATA_DIR, log } from "./lib/bootstrap";
import { withGlossDatabase } from "./lib/gloss-database";

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(process.argv[2] ?? path.join(DATA_DIR, "backups", `gloss-${stamp}.jsonl.gz`));
  await mkdir(path.dirname(file), { recursive: true });
  const counts = await withGlossDatabase((databaseUrl) => backupDatabase(databaseUrl, file));
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  log(`Backed up ${rows} rows from ${Object.keys(counts).length} tables to ${path.relative(process.cwd(), file) || file}`);
}

main().catch((error) => {
  console.error(`[gloss] Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
