import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import Negotiator from "negotiator";
import { contentSecurityPolicy, EVERY_RESPONSE_HEADERS, STRICT_TRANSPORT_SECURITY } from "@/lib/security/content-security-policy";
import { ANSWERED, onEveryRequest, type RequestHook } from "./request-hooks";

/**
 * Next's scripts and style sheets (`/_next/static/…`), sent compressed from
 * memory instead of compressed anew on every request.
 *
 * Why: Next gzips each response as it sends it, a static file too. A first
 * visit to the reader asks for about 570 KB of scripts and style sheets, and
 * gzipping them was about 50 ms of the server's ~70 ms of CPU for that visit
 * (BENCHMARKS.md, Lighthouse, session 19). That CPU is spent just when the
 * visitor's browser runs those scripts, and on a small machine they compete.
 *
 * How: the build's files cannot change while a server runs (their names
 * carry their content's hash), so each one is compressed once, with Brotli
 * at its best quality and gzip at level 9, in the background the first time it is asked for; that
 * request and any until the copies are ready are served by Next as before.
 * Only files of the build are kept (listed once), so made-up addresses cost
 * nothing and leave nothing behind. A client that accepts neither encoding,
 * and any other path, is served by Next.
 */

const STATIC_PREFIX = "/_next/static/";
const CONTENT_TYPES: Record<string, string> = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
const ENCODINGS = ["br", "gzip"] as const;
type Encoding = (typeof ENCODINGS)[number];
type CompressedCopies = Record<Encoding, Buffer>;
/** negotiator 1.x's `preferred` option (its published types describe 0.6). */
type PreferringNegotiator = { encoding(available: string[], options: { preferred: string[] }): string | undefined };

/** The constant policy next.config.js gives every path but the pages rendered per request (production's: no dev allowances). */
const STATIC_FILE_POLICY = contentSecurityPolicy(null);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function compressedCopies(file: string): Promise<CompressedCopies> {
  const content = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
    gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  return { br, gzip: gz };
}

/** Every script and style sheet under `staticDir`, by its address (`/_next/static/chunks/…`). */
function staticFiles(staticDir: string): Map<string, string> {
  const files = new Map<string, string>();
  let entries: string[] = [];
  try {
    entries = readdirSync(staticDir, { recursive: true, encoding: "utf8" });
  } catch {
    return files; // no build here (yet): Next serves what it has
  }
  for (const relative of entries) {
    if (!(path.extname(relative) in CONTENT_TYPES)) continue;
    files.set(STATIC_PREFIX + relative.split(path.sep).join("/"), path.join(staticDir, relative));
  }
  return files;
}

function answer(request: http.IncomingMessage, response: http.ServerResponse, urlPath: string, encoding: Encoding, body: Buffer): void {
  response.statusCode = 200;
  for (const { key, value } of EVERY_RESPONSE_HEADERS) response.setHeader(key, value);
  response.setHeader("Content-Security-Policy", STATIC_FILE_POLICY);
  if (request.headers["x-forwarded-proto"] === "https") response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  response.setHeader("Content-Type", CONTENT_TYPES[path.extname(urlPath)]!);
  response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  response.setHeader("Vary", "Accept-Encoding");
  response.setHeader("Content-Encoding", encoding);
  response.setHeader("Content-Length", body.length);
  response.end(request.method === "HEAD" ? undefined : body);
}

/** The hook for the build whose static files are in `staticDir` (`<distDir>/static`). */
export function precompressedStaticHook(staticDir: string): RequestHook {
  let files: Map<string, string> | null = null;
  const copies = new Map<string, CompressedCopies | "compressing">();
  return (request, response) => {
    if ((request.method !== "GET" && request.method !== "HEAD") || !request.url?.startsWith(STATIC_PREFIX)) return;
    const urlPath = request.url.split("?", 1)[0]!;
    files ??= staticFiles(staticDir);
    const file = files.get(urlPath);
    if (!file) return;
    // Brotli when the client takes both at the same weight (browsers list gzip first).
    const encoding = (new Negotiator(request) as unknown as PreferringNegotiator).encoding([...ENCODINGS], { preferred: [...ENCODINGS] }) as
      | Encoding
      | undefined;
    if (!encoding) return;
    const ready = copies.get(urlPath);
    if (ready === undefined) {
      copies.set(urlPath, "compressing");
      compressedCopies(file).then(
        (made) => copies.set(urlPath, made),
        () => copies.delete(urlPath), // gone or unreadable: Next answers, and a later request tries again
      );
      return;
    }
    if (ready === "compressing") return;
    answer(request, response, urlPath, encoding, ready[encoding]);
    return ANSWERED;
  };
}

/** Called once per server process, from instrumentation.ts (production servers only: in development Next serves its files from memory). */
export function installPrecompressedStatic(distDir: string): void {
  onEveryRequest("precompressed-static", precompressedStaticHook(path.resolve(distDir, "static")));
}
