import { readdirSync, readFileSync } from "node:fs";

/** The CPU time (user + system) a process has used so far, in milliseconds (Linux /proc; clock ticks of 10 ms). */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime and stime, fields 14 and 15 of proc(5)
  return ticks * 10;
}

/** A process and its descendants (Linux /proc). */
function processFamily(rootPid: number): Set<number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const family = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (family.has(parent) && !family.has(pid)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  return family;
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
export function residentBytes(rootPid: number): number {
  let total = 0;
  for (const pid of processFamily(rootPid)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** CPU time of the descendants a process has waited for (cutime and cstime, fields 16 and 17 of proc(5)), in milliseconds. */
function reapedChildrenCpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * CPU time of a process and its descendants, in milliseconds: e.g. a
 * PostgreSQL server and its backends. Children that exited count too (their
 * time moves to the parent that reaped them), so the total never goes down
 * when a connection closes mid-run. A child reaped while the family is read
 * would be missed (already gone from /proc, not yet in the parent's reaped
 * time) or counted twice, and backends of a pool often close together (a
 * pool's idle timeout), so the reading is taken again until no child was
 * reaped during it.
 */
export function familyCpuMilliseconds(rootPid: number): number {
  for (;;) {
    const reaped = reapedChildrenCpuMilliseconds(rootPid);
    let total = reaped;
    for (const pid of processFamily(rootPid)) {
      try {
        total += cpuMilliseconds(pid);
      } catch {
        // Gone meanwhile (and then reaped: read again below).
      }
    }
    if (reapedChildrenCpuMilliseconds(rootPid) === reaped) return total;
  }
}
