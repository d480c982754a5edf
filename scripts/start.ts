/**
 * `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set),
 * migrations, seed, build when needed, then the Next.js server.
 */
import path from "node:path";
import { localAuthSecret, log, onShutdown, prepareDatabase, ROOT } from "./lib/bootstrap";
import { buildIfNeeded, spawnNext } from "./lib/next-process";

async function main() {
  const mode = process.argv.includes("--dev") ? "dev" : "start";
  const port = Number(process.env.PORT ?? 3000);
  const database = await prepareDatabase({ databaseUrl: process.env.DATABASE_URL, clusterName: "postgres" });
  let cleanup = database.stop;
  onShutdown(() => cleanup());

  process.env.DATABASE_URL = database.databaseUrl;
  const { seedArticlesFromDirectory } = await import("../lib/articles/seed-articles");
  const seeded = await seedArticlesFromDirectory(path.join(ROOT, "seeds"));
  log(`Articles: ${seeded.created.length} new, ${seeded.updated.length} updated, ${seeded.unchanged.length} unchanged`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    NEXTAUTH_SECRET: await localAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    GLOSS_EMBEDDED_DATABASE: database.embedded ? "1" : "",
  };
  if (mode === "start") buildIfNeeded({ ...env, NODE_ENV: "production" });

  const server = spawnNext(mode, port, { ...env, NODE_ENV: mode === "dev" ? "development" : "production" });
  log(`Gloss is starting on http://localhost:${port}`);
  cleanup = async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.stop();
  };
  server.on("exit", async (code) => {
    await database.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(`[gloss] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
