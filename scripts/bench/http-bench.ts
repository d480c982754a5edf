import autocannon from "autocannon";
import { cpuMilliseconds, familyCpuMilliseconds } from "./process-memory";

export interface HttpBenchResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** The server's CPU time per request, when its process was given (far less sensitive to other load than req/s). */
  serverCpuMsPerRequest?: number;
  /** PostgreSQL's CPU time per request (server and backends), when its postmaster was given. */
  databaseCpuMsPerRequest?: number;
}

export interface HttpBenchOptions {
  label: string;
  url: string;
  connections?: number;
  durationSeconds?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** For POSTs whose body must differ per request (e.g. a fresh id). */
  body?: () => string;
  /** Sees every response (status and body), e.g. to check what a POST acknowledged. */
  onResponse?: (status: number, body: string) => void;
  /** The server's process, to report its CPU time per request. */
  serverPid?: number;
  /** PostgreSQL's postmaster, to report the database's CPU time per request. */
  databasePid?: number;
}

/** One autocannon run; bounded in time, against this machine only. */
export async function runHttpBench(options: HttpBenchOptions): Promise<HttpBenchResult> {
  const cpuBefore = options.serverPid === undefined ? 0 : cpuMilliseconds(options.serverPid);
  const databaseCpuBefore = options.databasePid === undefined ? 0 : familyCpuMilliseconds(options.databasePid);
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 32,
    duration: options.durationSeconds ?? 10,
    method: options.method ?? "GET",
    headers: options.headers,
    requests: options.body
      ? [
          {
            method: options.method ?? "POST",
            setupRequest: (request) => ({ ...request, body: options.body!() }),
            onResponse: (status: number, body: string) => options.onResponse?.(status, body),
          },
        ]
      : undefined,
  });
  return {
    label: options.label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    serverCpuMsPerRequest: options.serverPid === undefined ? undefined : (cpuMilliseconds(options.serverPid) - cpuBefore) / result.requests.total,
    databaseCpuMsPerRequest:
      options.databasePid === undefined ? undefined : (familyCpuMilliseconds(options.databasePid) - databaseCpuBefore) / result.requests.total,
  };
}

/** Runs made with `skipAggregateResult` (raw histograms), combined as one (autocannon's own, untyped in @types/autocannon). */
const aggregateResult = (autocannon as unknown as { aggregateResult(slices: unknown[], options: autocannon.Options): autocannon.Result }).aggregateResult;

export interface InterleavedEndpoint {
  label: string;
  url: string;
}

/**
 * Several GET endpoints measured in turns rather than one after the other:
 * `rounds` rounds of a `sliceSeconds` autocannon run per endpoint, in the
 * order A B, B A, A B … (each endpoint as often first as last). The
 * machine's other load changes over seconds (a shared machine: other
 * builds, tests, browsers), and the server's CPU per request rises with it
 * (caches, memory bandwidth); measured back to back, two 10 s runs can meet
 * different machines. In turns, every endpoint meets the same. Each
 * endpoint's result covers all its slices: requests per second over its
 * measured seconds, latency percentiles over all its responses, server CPU
 * per request over all its requests.
 */
export async function runInterleavedHttpBench(
  endpoints: InterleavedEndpoint[],
  options: { rounds: number; sliceSeconds: number; headers?: Record<string, string>; serverPid?: number },
): Promise<HttpBenchResult[]> {
  const slices = endpoints.map(() => [] as unknown[]);
  const serverCpu = endpoints.map(() => 0);
  for (let round = 0; round < options.rounds; round += 1) {
    const order = round % 2 === 0 ? endpoints.keys() : [...endpoints.keys()].reverse();
    for (const index of order) {
      const cpuBefore = options.serverPid === undefined ? 0 : cpuMilliseconds(options.serverPid);
      const slice = await autocannon({ url: endpoints[index]!.url, connections: 32, duration: options.sliceSeconds, headers: options.headers, skipAggregateResult: true });
      if (options.serverPid !== undefined) serverCpu[index]! += cpuMilliseconds(options.serverPid) - cpuBefore;
      slices[index]!.push(slice);
    }
  }
  return endpoints.map((endpoint, index) => {
    const result = aggregateResult(slices[index]!, { url: endpoint.url, connections: 32 });
    const total = result.requests.total;
    return {
      label: endpoint.label,
      requestsPerSecond: total / (options.rounds * options.sliceSeconds),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      total,
      serverCpuMsPerRequest: options.serverPid === undefined ? undefined : serverCpu[index]! / total,
    };
  });
}

export function httpTable(rows: HttpBenchResult[]): string {
  const columns = (["serverCpuMsPerRequest", "databaseCpuMsPerRequest"] as const).filter((key) => rows.some((row) => row[key] !== undefined));
  const heading = { serverCpuMsPerRequest: " server CPU ms/request |", databaseCpuMsPerRequest: " PostgreSQL CPU ms/request |" };
  const cpu = (row: HttpBenchResult) => columns.map((key) => ` ${row[key]?.toFixed(2) ?? "–"} |`).join("");
  const lines = [
    `| endpoint | req/s | p50 ms | p99 ms | requests | errors | non-2xx |${columns.map((key) => heading[key]).join("")}`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |${columns.map(() => " ---: |").join("")}`,
    ...rows.map(
      (row) =>
        `| ${row.label} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.total} | ${row.errors} | ${row.non2xx} |${cpu(row)}`,
    ),
  ];
  return lines.join("\n");
}

export async function warmUp(url: string, headers?: Record<string, string>) {
  for (let i = 0; i < 50; i += 1) await fetch(url, { headers });
}

/**
 * A short unmeasured autocannon run at the measured load, so the server's JIT
 * has compiled the endpoint's hot code before the measured run starts.
 */
export async function warmUpUnderLoad(url: string, seconds: number, headers?: Record<string, string>) {
  await warmUp(url, headers);
  await autocannon({ url, connections: 32, duration: seconds, headers });
}
