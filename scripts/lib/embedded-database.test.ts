import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { DATA_DIR } from "./bootstrap";
import { startEmbeddedDatabase, type RunningDatabase } from "./embedded-database";

const dataDir = path.join(DATA_DIR, `watchdog-test-${process.pid}`);
let database: RunningDatabase | undefined;

afterAll(async () => {
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function postmasterPid(): Promise<number> {
  return Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.query("SELECT 1 AS one")).rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

it("starts PostgreSQL again, with its data, after it is killed", { timeout: 60_000 }, async () => {
  database = await startEmbeddedDatabase(dataDir, () => {}, { restartWhenItDies: true });
  const setup = new pg.Client({ connectionString: database.url });
  await setup.connect();
  await setup.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the crash')");
  await setup.end();

  for (let crash = 0; crash < 2; crash++) {
    const killed = await postmasterPid();
    process.kill(killed, "SIGKILL");
    await expect.poll(() => answers(database!.url), { timeout: 30_000, interval: 100 }).toBe(true);
    expect(await postmasterPid()).not.toBe(killed);
  }

  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  expect((await check.query("SELECT value FROM kept")).rows).toEqual([{ value: "before the crash" }]);
  await check.end();
});
