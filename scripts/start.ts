/**
 * `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set),
 * migrations, seed, build when needed, then the Next.js server.
 */
import path from "node:path";
import { localAuthSecret, log, onShutdown, prepareDatabase, ROOT } from "./lib/bootstrap";
import { buildIfNeeded, spawnNext } from "./lib/next-process";
import { revalidationToken } from "../lib/articles/revalidation";

/** How long requests in flight get to finish on SIGTERM before the server is killed. */
const SHUTDOWN_GRACE_MS = 15_000;

async function waitUntilReady(baseUrl: string): Promise<boolean> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (health?.ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Cached article pages from an earlier run are refreshed once the server answers. */
async function revalidateArticles(baseUrl: string, secret: string, slugs: string[]) {
  const response = await fetch(`${baseUrl}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidationToken(secret)}`, "content-type": "application/json" },
    body: JSON.stringify({ slugs }),
  });
  if (!response.ok) throw new Error(`revalidation answered ${response.status}`);
}

async function main() {
  const mode = process.argv.includes("--dev") ? "dev" : "start";
  const port = Number(process.env.PORT ?? 3000);
  const database = await prepareDatabase({ databaseUrl: process.env.DATABASE_URL, clusterName: "postgres", restartWhenItDies: true });
  let cleanup = database.stop;
  onShutdown(() => cleanup());

  process.env.DATABASE_URL = database.databaseUrl;
  // The embedded cluster is local-only and its password no secret (scripts/lib/embedded-database.ts):
  // say where it is, so more instances can join it. A given DATABASE_URL is never printed.
  if (database.embedded) {
    log(`Database: ${database.databaseUrl}`);
    log(`Another instance on this database: DATABASE_URL='${database.databaseUrl}' PORT=${port + 1} npm start`);
  }
  const { seedArticlesFromDirectory } = await import("../lib/articles/seed-articles");
  const seeded = await seedArticlesFromDirectory(path.join(ROOT, "seeds"));
  log(`Articles: ${seeded.created.length} new, ${seeded.updated.length} updated, ${seeded.unchanged.length} unchanged`);
  const { ensureDemoAccount } = await import("../lib/auth/ensure-demo-account");
  const demo = await ensureDemoAccount({ embeddedDatabase: database.embedded });
  if (demo) log(`Demo account (local only): ${demo.email} / ${demo.password}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    NEXTAUTH_SECRET: await localAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    GLOSS_EMBEDDED_DATABASE: database.embedded ? "1" : "",
  };
  if (mode === "start") buildIfNeeded({ ...env, NODE_ENV: "production" });

  const server = spawnNext(mode, port, { ...env, NODE_ENV: mode === "dev" ? "development" : "production" });
  // Graceful: Next stops accepting, finishes the requests in flight and exits
  // (its pool's connections close with it); the database stops last.
  let shuttingDown = false;
  cleanup = async () => {
    shuttingDown = true;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const forceKill = setTimeout(() => server.kill("SIGKILL"), SHUTDOWN_GRACE_MS);
    await exited;
    clearTimeout(forceKill);
    await database.stop();
  };
  const localUrl = `http://127.0.0.1:${port}`;
  void waitUntilReady(localUrl).then(async (ready) => {
    if (!ready) return log("The server did not answer on /api/health within a minute.");
    const changed = [...seeded.created, ...seeded.updated];
    if (mode === "start" && changed.length > 0) {
      await revalidateArticles(localUrl, env.NEXTAUTH_SECRET!, changed).catch((error) =>
        log(`Could not refresh cached article pages: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    log(`Gloss is ready on http://localhost:${port}`);
  });
  server.on("exit", async (code) => {
    if (shuttingDown) return; // the cleanup above stops the database after it
    await database.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(`[gloss] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
