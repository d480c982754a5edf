/**
 * What Lighthouse's simulation (Lantern) charged to a page's largest paint.
 * Lantern estimates the largest paint on a graph of the requests and main
 * thread tasks that came before the paint it observed unthrottled, replayed
 * at slow 4G and 4× CPU slowdown; every request that ended before that paint
 * is in it, scripts included unless their evaluation is seen to start after
 * it. With LANTERN_DEBUG set and `--save-assets`, Lighthouse writes each
 * simulation as a trace (`<report>-pessimisticLargestContentfulPaint.trace.json`);
 * this reads one back.
 */

export interface GraphRequest {
  url: string;
  /** On the wire, as Lighthouse recorded it. */
  bytes: number;
  /** When the request ends in the simulation (ms from the navigation). */
  endMs: number;
}

export interface LargestPaintGraph {
  /** When the simulation's last request or task ends: this graph's estimate of the largest paint. */
  endMs: number;
  /** Its requests, the last to end first. */
  requests: GraphRequest[];
}

interface TraceEvent {
  name: string;
  ph?: string;
  ts: number;
  dur?: number;
  args?: { data?: { requestId?: string; url?: string; encodedDataLength?: number } };
}

/** Lantern's trace writer starts its clock here and adds a dummy task one second after the last node. */
const LANTERN_TRACE_ORIGIN_US = 1e9;

export function parseLargestPaintGraph(trace: { traceEvents: TraceEvent[] }): LargestPaintGraph {
  const toMs = (ts: number) => (ts - LANTERN_TRACE_ORIGIN_US) / 1000;
  const urls = new Map<string, string>();
  const requests: GraphRequest[] = [];
  for (const event of trace.traceEvents) {
    const data = event.args?.data;
    if (!data?.requestId) continue;
    if (event.name === "ResourceSendRequest" && data.url) urls.set(data.requestId, data.url);
    if (event.name === "ResourceFinish") {
      requests.push({ url: urls.get(data.requestId) ?? "", bytes: data.encodedDataLength ?? 0, endMs: toMs(event.ts) });
    }
  }
  const tasks = trace.traceEvents.filter((event) => event.name === "Task" && event.ph === "X");
  const taskEnds = tasks.slice(0, -1).map((task) => toMs(task.ts + (task.dur ?? 0)));
  requests.sort((a, b) => b.endMs - a.endMs);
  return { endMs: Math.max(0, ...taskEnds, ...requests.map((request) => request.endMs)), requests };
}

/** One line for BENCHMARKS.md: the graph's estimate and the requests that end last in it. */
export function describeLargestPaintGraph(graph: LargestPaintGraph, shown = 4): string {
  const name = (url: string) => {
    const path = url.replace(/^https?:\/\/[^/]+/, "").split("?")[0]!;
    return path.startsWith("/_next/") || path.startsWith("/fonts/") ? path.slice(path.lastIndexOf("/") + 1) : path;
  };
  const last = graph.requests
    .slice(0, shown)
    .map((request) => `${name(request.url)} (${(request.bytes / 1024).toFixed(1)} KB) ${(request.endMs / 1000).toFixed(2)} s`);
  const rest = graph.requests.length - last.length;
  const count = `${graph.requests.length} request${graph.requests.length === 1 ? "" : "s"}`;
  return `${(graph.endMs / 1000).toFixed(2)} s; ${count}, last to end: ${last.join(", ")}${rest > 0 ? `, and ${rest} more` : ""}`;
}
