import path from "node:path";
import { localAuthSecret, prepareDatabase, ROOT } from "../lib/bootstrap";
import { findFreePort } from "../lib/embedded-database";
import { buildIfNeeded, spawnNext } from "../lib/next-process";

export interface BenchServer {
  baseUrl: string;
  /** The `next start` process (for memory readings). */
  pid: number;
  stop: () => Promise<void>;
}

const BENCH_DIST_DIR = ".next-bench";

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
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (response?.ok) break;
    if (attempt > 240) throw new Error("bench server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    pid: server.pid!,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      const { db } = await import("../../lib/db");
      await db.$disconnect();
      await database.stop();
    },
  };
}
