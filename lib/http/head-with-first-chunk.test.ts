import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installHeadWithFirstChunk } from "./head-with-first-chunk";

let server: http.Server;
let origin: string;
/** What the socket had written when `flushHeaders()` returned, by request path. */
const writtenAtFlush = new Map<string, number>();

beforeAll(async () => {
  installHeadWithFirstChunk();
  server = http.createServer((request, response) => {
    response.setHeader("Content-Type", "application/json");
    response.flushHeaders();
    writtenAtFlush.set(request.url!, response.socket!.bytesWritten);
    if (request.url === "/streamed") {
      // As Next pipes a route handler's body: the first chunk right after flushHeaders, the end a few ticks later.
      response.write('{"annotations":[]');
      setImmediate(() => response.end(',"nextCursor":null}'));
    }
    // "/later": the head alone, the body only once the client has seen the head.
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

it("sends the head with the first chunk written in the same tick, in one write", async () => {
  const body = await new Promise<{ status: number; type: string | undefined; text: string }>((resolve, reject) => {
    http
      .get(`${origin}/streamed`, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, type: response.headers["content-type"], text }));
      })
      .on("error", reject);
  });
  expect(body).toEqual({ status: 200, type: "application/json", text: '{"annotations":[],"nextCursor":null}' });
  expect(writtenAtFlush.get("/streamed")).toBe(0);
});

it("still sends the head on its own when no chunk follows in the tick", async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.get(`${origin}/later`, (response) => {
      resolve(response.statusCode!);
      response.resume();
      request.destroy();
    });
    request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
  });
  expect(status).toBe(200);
});
