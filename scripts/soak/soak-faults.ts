import { readFile } from "node:fs/promises";
import path from "node:path";

/** Kills the PostgreSQL serving `dataDir` outright (no shutdown), as a crash or an OOM kill would. */
export async function killPostgres(dataDir: string): Promise<number> {
  const pid = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  process.kill(pid, "SIGKILL");
  return pid;
}

/**
 * Milliseconds from a fault at `since` until the first write sent after it
 * was acknowledged (requests already in flight do not count), or null.
 */
export function recoveryMs(acknowledgements: readonly { sentAt: number; at: number }[], since: number): number | null {
  let first: number | null = null;
  for (const { sentAt, at } of acknowledgements) if (sentAt >= since && (first === null || at < first)) first = at;
  return first === null ? null : first - since;
}
