import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runInterleavedHttpBench } from "./http-bench";

// A real server that notes which path each request asked for, in arrival order.
const arrivals: string[] = [];
const server = http.createServer((request, response) => {
  arrivals.push(request.url ?? "");
  response.end(request.url === "/slow" ? "s".repeat(20_000) : "fast");
});
let baseUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The paths of `arrivals` with consecutive repeats collapsed: the order in which the endpoints took turns. */
const turns = (paths: string[]) => paths.filter((path, index) => path !== paths[index - 1]);

it("measures the endpoints in turns, each first as often as last, and reports every request it made", { timeout: 20_000 }, async () => {
  arrivals.length = 0;
  const [a, b] = await runInterleavedHttpBench(
    [
      { label: "a", url: `${baseUrl}/a` },
      { label: "b", url: `${baseUrl}/slow` },
    ],
    { rounds: 4, sliceSeconds: 0.5, serverPid: process.pid },
  );
  expect(turns(arrivals)).toEqual(["/a", "/slow", "/a", "/slow", "/a"]);
  // Every completed request counts; at most the 32 in flight when each of its 4 slices ends go unanswered.
  for (const [result, path] of [[a!, "/a"], [b!, "/slow"]] as const) {
    const received = arrivals.filter((arrived) => arrived === path).length;
    expect(result.total).toBeGreaterThan(0);
    expect(received - result.total).toBeGreaterThanOrEqual(0);
    expect(received - result.total).toBeLessThanOrEqual(4 * 32);
  }
  expect(a!.requestsPerSecond).toBeCloseTo(a!.total / 2, 6);
  expect(b!.errors + b!.non2xx).toBe(0);
  expect(b!.p99).toBeGreaterThanOrEqual(b!.p50);
  expect(a!.serverCpuMsPerRequest).toBeGreaterThan(0);
});
