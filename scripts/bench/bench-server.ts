import path from "node:path";
import { localAuthSecret, prepareDatabase, ROOT } from "../lib/bootstrap";
import { findFreePort } from "../lib/embedded-database";
import { buildIfNeeded, spawnNext } from "../lib/next-process";

export interface BenchServer {
  baseUrl: string;
  /** The server process (its memory is measured by the live bench). */
  pid: number;
  stop: () => Promise<void>;
  /** Another instance of the same build on the same database (several-instance benchmarks). */
  startAnother: () => Promise<{ baseUrl: string; pid: number; stop: () => Promise<void> }>;
}

async function waitForHealth(baseUrl: string) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (response?.ok) return;
    if (attempt > 240) throw new Error("bench server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stopProcess(server: ReturnType<typeof spawnNext>): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

/** The bench build's folder, under the project root (its source maps feed the bundle analysis). */
export const BENCH_DIST_DIR = ".next-bench";

/**
 * A production build of Gloss on its own freshly reset embedded database
 * (`.data/bench-postgres`), seeded like `npm start`, with the bench-only
 * routes switched on. Never the `npm start` or test database.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const database = await prepareDatabase({ clusterName: "bench-postgres", reset: true });
  process.env.DATABASE_URL = database.databaseUrl;
  const { seedArticlesFromDirectory } = await import("../../lib/articles/seed-articles");
  await seedArticlesFromDirectory(path.join(ROOT, "seeds"));

  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.databaseUrl,
    NEXTAUTH_SECRET: await localAuthSecret(),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    GLOSS_BENCH: "1",
    HOSTNAME: "127.0.0.1",
  };
  buildIfNeeded(env, BENCH_DIST_DIR);
  const server = spawnNext("start", port, env);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl);
  return {
    baseUrl,
    pid: server.pid!,
    startAnother: async () => {
      const otherPort = await findFreePort();
      const other = spawnNext("start", otherPort, { ...env, NEXTAUTH_URL: `http://localhost:${otherPort}` });
      const otherUrl = `http://127.0.0.1:${otherPort}`;
      await waitForHealth(otherUrl);
      return { baseUrl: otherUrl, pid: other.pid!, stop: () => stopProcess(other) };
    },
    stop: async () => {
      await stopProcess(server);
      const { db } = await import("../../lib/db");
      await db.$disconnect();
      await database.stop();
    },
  };
}
