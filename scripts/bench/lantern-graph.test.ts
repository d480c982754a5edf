import { describe, expect, it } from "vitest";
import { describeLargestPaintGraph, parseLargestPaintGraph } from "./lantern-graph";

// Lantern's trace writer: microseconds from 1e9, a request as send/finish events, a task per CPU node, a dummy task last.
const at = (ms: number) => 1e9 + ms * 1000;
const request = (id: string, url: string, startMs: number, endMs: number, bytes: number) => [
  { name: "ResourceSendRequest", ph: "I", ts: at(startMs), args: { data: { requestId: id, url } } },
  { name: "ResourceFinish", ph: "I", ts: at(endMs), args: { data: { requestId: id, encodedDataLength: bytes } } },
];
const task = (startMs: number, durationMs: number) => ({ name: "Task", ph: "X", ts: at(startMs), dur: durationMs * 1000 });

describe("parseLargestPaintGraph", () => {
  it("ends with the graph's last request and lists requests last first", () => {
    const graph = parseLargestPaintGraph({
      traceEvents: [
        ...request("1", "http://127.0.0.1:3000/articles/a", 0, 617, 7680),
        task(617, 216),
        ...request("2", "http://127.0.0.1:3000/_next/static/chunks/framework.js", 833, 2200, 74_445),
        ...request("3", "http://127.0.0.1:3000/fonts/serif-core.abc.woff2", 617, 1684, 34_816),
        task(3200, 1),
      ],
    });
    expect(graph.endMs).toBeCloseTo(2200);
    expect(graph.requests.map((entry) => entry.url.split("/").pop())).toEqual(["framework.js", "serif-core.abc.woff2", "a"]);
    expect(describeLargestPaintGraph(graph, 2)).toBe(
      "2.20 s; 3 requests, last to end: framework.js (72.7 KB) 2.20 s, serif-core.abc.woff2 (34.0 KB) 1.68 s, and 1 more",
    );
  });

  it("counts a task that ends after every request, but not the writer's dummy task", () => {
    const graph = parseLargestPaintGraph({
      traceEvents: [...request("1", "http://127.0.0.1:3000/", 0, 600, 7000), task(600, 400), task(2000, 1)],
    });
    expect(graph.endMs).toBeCloseTo(1000);
    expect(describeLargestPaintGraph(graph)).toBe("1.00 s; 1 request, last to end: / (6.8 KB) 0.60 s");
  });
});
