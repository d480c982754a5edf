import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ifNoneMatchIncludes, installNotModifiedAnswers } from "./not-modified";

type Middleware = (request: http.IncomingMessage, response: http.ServerResponse, next: () => void) => void;
/** Next's own compression, which its router applies to every response before the page sends it. */
const nextCompression = (createRequire(import.meta.url)("next/dist/compiled/compression") as () => Middleware)();

const ETAG = '"v1,with-a-comma"';
const PAGE = "<p>the page</p>".repeat(200);

describe("ifNoneMatchIncludes", () => {
  it.each([
    [ETAG, true],
    [`"other", ${ETAG}`, true],
    [`W/${ETAG}`, true],
    ["*", true],
    ['"v1"', false],
    ['"other", "v1,with"', false],
    ["", false],
  ])("If-None-Match: %s → %s", (header, expected) => {
    expect(ifNoneMatchIncludes(header, ETAG)).toBe(expected);
  });
});

describe("installNotModifiedAnswers", () => {
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    installNotModifiedAnswers();
    // Answers as Next sends a cached page: headers first, then the whole body with end(), compressed when asked.
    server = http.createServer((request, response) => {
      nextCompression(request, response, () => {
        const url = new URL(request.url!, "http://localhost");
        response.statusCode = Number(url.searchParams.get("status") ?? 200);
        if (url.searchParams.get("etag") !== "none") response.setHeader("ETag", ETAG);
        response.setHeader("Cache-Control", "s-maxage=31536000");
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.setHeader("Content-Length", Buffer.byteLength(PAGE));
        response.end(request.method === "HEAD" ? null : PAGE);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const get = (path: string, headers: Record<string, string>, method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .request(`${origin}${path}`, { method, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject)
        .end();
    });

  it("answers 304 without a body when If-None-Match names the response's ETag, compressed or not", async () => {
    for (const encoding of [{}, { "accept-encoding": "gzip, deflate, br" }] as Record<string, string>[]) {
      for (const method of ["GET", "HEAD"]) {
        const response = await get("/", { "if-none-match": `"older", ${ETAG}`, ...encoding }, method);
        expect(response.status).toBe(304);
        expect(response.body.length).toBe(0);
        expect(response.headers.etag).toBe(ETAG);
        expect(response.headers["cache-control"]).toBe("s-maxage=31536000");
        expect(response.headers["content-type"]).toBeUndefined();
        expect(response.headers["content-encoding"]).toBeUndefined();
      }
    }
  });

  it("sends the whole page to a reader whose copy is older, or who has none", async () => {
    for (const headers of [{ "if-none-match": '"older"' }, {}] as Record<string, string>[]) {
      const response = await get("/", headers);
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe(PAGE);
    }
    const compressed = await get("/", { "if-none-match": '"older"', "accept-encoding": "gzip" });
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(compressed.body).toString()).toBe(PAGE);
  });

  it("leaves responses alone that are not a 200 with that ETag", async () => {
    expect((await get("/?status=404", { "if-none-match": ETAG })).status).toBe(404);
    expect((await get("/?etag=none", { "if-none-match": "*" })).status).toBe(200);
    expect((await get("/", { "if-none-match": ETAG }, "POST")).status).toBe(200);
  });
});
