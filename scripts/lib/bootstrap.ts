import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "./embedded-database";
import { migrate } from "./migrate";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");

export interface Bootstrapped {
  databaseUrl: string;
  /** True when Gloss runs on its own embedded PostgreSQL. */
  embedded: boolean;
  stop: () => Promise<void>;
}

export function log(line: string) {
  console.log(`[gloss] ${line}`);
}

/**
 * The database for a run: `databaseUrl` when given, else the embedded
 * PostgreSQL whose data lives in `.data/<clusterName>`. Migrations are applied
 * before it is handed out.
 */
export async function prepareDatabase(options: {
  databaseUrl?: string;
  clusterName: string;
  reset?: boolean;
  /** Embedded only: start PostgreSQL again when it dies (`npm start`). */
  restartWhenItDies?: boolean;
  /** Embedded only: the data is thrown away after the run (tests), so commits skip fsync. */
  disposable?: boolean;
}): Promise<Bootstrapped> {
  let databaseUrl = options.databaseUrl;
  let stop = async () => {};
  const embedded = !databaseUrl;
  if (!databaseUrl) {
    const database = await startEmbeddedDatabase(path.join(DATA_DIR, options.clusterName), log, {
      restartWhenItDies: options.restartWhenItDies,
      disposable: options.disposable,
    });
    databaseUrl = database.url;
    stop = database.stop;
  }
  try {
    if (options.reset) await resetSchema(databaseUrl);
    const applied = await migrate(databaseUrl, path.join(ROOT, "prisma", "migrations"));
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, embedded, stop };
}

/** Drops everything in the public schema: test runs start from nothing. */
async function resetSchema(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

/**
 * NEXTAUTH_SECRET for local runs: generated once and kept in `.data/` so
 * sessions survive restarts. Production sets the variable itself.
 */
export async function localAuthSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Stops `cleanup` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(cleanup: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    cleanup()
      .catch((error) => console.error(error))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
