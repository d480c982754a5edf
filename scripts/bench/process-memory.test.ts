import { readFileSync } from "node:fs";
import pg from "pg";
import { expect, it } from "vitest";
import { familyCpuMilliseconds } from "./process-memory";

/** The parent of a backend of the test database: its postmaster. */
function parentPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

async function busyBackends(count: number): Promise<pg.Client[]> {
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      return client;
    }),
  );
  await Promise.all(clients.map((client) => client.query("SELECT count(*) FROM generate_series(1, 1000000)")));
  return clients;
}

// As a pool's idle connections do after a load run: several backends with CPU time behind them close at once,
// while the bench reads PostgreSQL's CPU time. Reading a backend that is reaped meanwhile used to lose its time.
it("never reads PostgreSQL's CPU time lower while its backends close", { timeout: 60_000 }, async () => {
  for (let round = 0; round < 5; round++) {
    const clients = await busyBackends(8);
    const postmaster = parentPid((await clients[0]!.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
    const settled = familyCpuMilliseconds(postmaster);
    let closed = false;
    const closing = Promise.all(clients.map((client) => client.end())).then(() => (closed = true));
    const readings: number[] = [];
    while (!closed || readings.length < 20) {
      readings.push(familyCpuMilliseconds(postmaster));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await closing;
    expect(Math.min(...readings)).toBeGreaterThanOrEqual(settled);
  }
});
