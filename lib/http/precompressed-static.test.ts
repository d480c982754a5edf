import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressedStaticHook } from "./precompressed-static";
import { ANSWERED } from "./request-hooks";

const SCRIPT = `self.chunk=${JSON.stringify("a module ".repeat(2000))};\n`;
const STYLE = `body{margin:0}\n`.repeat(500);

let folder: string;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "gloss-static-"));
  await mkdir(path.join(folder, "static", "chunks"), { recursive: true });
  await writeFile(path.join(folder, "static", "chunks", "0abc.js"), SCRIPT);
  await writeFile(path.join(folder, "static", "chunks", "1def.css"), STYLE);
  await writeFile(path.join(folder, "static", "chunks", "notes.txt"), "not a script");
  const hook = precompressedStaticHook(path.join(folder, "static"));
  // What Next would send: the file as it is, marked so the tests can tell who answered.
  server = http.createServer((request, response) => {
    if (hook(request, response) === ANSWERED) return;
    response.setHeader("x-answered-by", "next");
    response.end("from next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw HTTP request (fetch would decompress the body and hide its encoding). */
function get(pathname: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${pathname}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** The first request starts the compression and is answered by Next; asks again until the copies are ready. */
async function getOnceCompressed(pathname: string, headers: Record<string, string>): Promise<RawResponse> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await get(pathname, headers);
    if (response.headers["x-answered-by"] !== "next") return response;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${pathname} was never answered from the compressed copies`);
}

describe("precompressed static files", () => {
  it("sends a script as Brotli when the browser takes it, with the headers of every response", async () => {
    const first = await get("/_next/static/chunks/0abc.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(first.headers["x-answered-by"]).toBe("next");

    const response = await getOnceCompressed("/_next/static/chunks/0abc.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
    expect(Number(response.headers["content-length"])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(response.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers.vary).toBe("Accept-Encoding");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("object-src 'none'");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  it("sends gzip to a client that takes only gzip, and HSTS when the request came over https", async () => {
    const response = await getOnceCompressed("/_next/static/chunks/1def.css", { "accept-encoding": "gzip", "x-forwarded-proto": "https" });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(response.body).toString()).toBe(STYLE);
    expect(response.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect(response.headers["strict-transport-security"]).toContain("max-age=");
  });

  it("answers HEAD with the headers only", async () => {
    await getOnceCompressed("/_next/static/chunks/0abc.js", { "accept-encoding": "br" });
    const response = await get("/_next/static/chunks/0abc.js", { "accept-encoding": "br" }, "HEAD");
    expect(response.headers["content-encoding"]).toBe("br");
    expect(Number(response.headers["content-length"])).toBeGreaterThan(0);
    expect(response.body.length).toBe(0);
  });

  it("leaves to Next: no acceptable encoding, files that are not scripts or style sheets, made-up and other paths", async () => {
    await getOnceCompressed("/_next/static/chunks/0abc.js", { "accept-encoding": "br" });
    const leftToNext = [
      await get("/_next/static/chunks/0abc.js"),
      await get("/_next/static/chunks/0abc.js", { "accept-encoding": "identity" }),
      await get("/_next/static/chunks/0abc.js", { "accept-encoding": "br;q=0, gzip;q=0" }),
      await get("/_next/static/chunks/notes.txt", { "accept-encoding": "br" }),
      await get("/_next/static/chunks/made-up.js", { "accept-encoding": "br" }),
      await get("/_next/static/chunks/../../secret.js", { "accept-encoding": "br" }),
      await get("/articles/some-article", { "accept-encoding": "br" }),
    ];
    for (const response of leftToNext) expect(response.headers["x-answered-by"]).toBe("next");
  });

  it("answers the same file again by its address with a query string too", async () => {
    const response = await getOnceCompressed("/_next/static/chunks/1def.css?v=1", { "accept-encoding": "br" });
    expect(zlib.brotliDecompressSync(response.body).toString()).toBe(STYLE);
  });
});
