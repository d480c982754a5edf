import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type Socket } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { ArticleImportError } from "./article-import-error";
import { MAX_IMPORT_BYTES } from "@/lib/api/article-imports";
import type { DocumentKind } from "./extract-imported-document";
import { BlockedAddressError, guardedLookup, isAllowedAddress } from "./fetch-address-guard";

/**
 * Fetches a page a reader asked to import, treating the address as hostile:
 * http(s) only, no credentials in it, at most 5 redirects each checked like
 * the first, 10 s for everything, 5 MB counted after decompression as bytes
 * arrive, only HTML, XHTML, plain text and Markdown, and only addresses
 * fetch-address-guard.ts allows — checked on the address the socket actually
 * connected to, not just on what a name resolved to.
 */

export interface FetchArticlePageOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The final address, after redirects. */
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
  kind: DocumentKind;
}

const CONTENT_KINDS: Record<string, DocumentKind> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
};

const REQUEST_HEADERS = {
  accept: "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "Gloss/1.0 (article import; +https://github.com/gloss)",
};

/** An address a reader typed, as an absolute http(s) URL without credentials, or null. */
export function parseArticleAddress(address: string): URL | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username !== "" || url.password !== "") return null;
  url.hash = "";
  return url;
}

export async function fetchArticlePage(address: string, options: FetchArticlePageOptions = {}): Promise<FetchedPage> {
  const { allowPrivate = false, timeoutMs = 10_000, maxBytes = MAX_IMPORT_BYTES, maxRedirects = 5 } = options;
  const deadline = AbortSignal.timeout(timeoutMs);
  let url = parseArticleAddress(address);
  for (let redirects = 0; ; redirects++) {
    if (url === null) throw new ArticleImportError("not-allowed");
    const response = await request(url, allowPrivate, deadline);
    const location = response.headers.location;
    if (response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.destroy();
      if (redirects >= maxRedirects) throw new ArticleImportError("unreachable", "too many redirects");
      url = parseArticleAddress(new URL(location, url).href);
      continue;
    }
    if (response.statusCode === undefined || response.statusCode < 200 || response.statusCode >= 300) {
      response.destroy();
      throw new ArticleImportError("unreachable", `the server answered ${response.statusCode ?? "nothing"}`);
    }
    const contentType = response.headers["content-type"] ?? null;
    const kind = CONTENT_KINDS[contentType?.split(";")[0]?.trim().toLowerCase() ?? ""];
    if (kind === undefined) {
      response.destroy();
      throw new ArticleImportError("unsupported-type");
    }
    const bytes = await readBody(response, maxBytes, deadline);
    return { url: url.href, bytes, contentType, kind };
  }
}

function request(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<IncomingMessage> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  // An address literal is never looked up, so it is checked here (and again on connect).
  if (isIP(hostname) !== 0 && !isAllowedAddress(hostname, allowPrivate)) return Promise.reject(new ArticleImportError("not-allowed"));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, { method: "GET", headers: REQUEST_HEADERS, lookup: guardedLookup(allowPrivate), agent: false, signal });
    outgoing.on("socket", (socket: Socket) => {
      socket.once("connect", () => {
        if (!isAllowedAddress(socket.remoteAddress ?? "", allowPrivate)) outgoing.destroy(new BlockedAddressError(hostname));
      });
    });
    outgoing.on("response", resolve);
    outgoing.on("error", (error) => reject(importErrorFor(error, signal)));
    outgoing.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  switch (response.headers["content-encoding"]?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(createGunzip());
    case "deflate":
      return response.pipe(createInflate());
    case "br":
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new ArticleImportError("too-large");
  }
  const body = decoded(response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new ArticleImportError("too-large");
      chunks.push(chunk);
    }
  } catch (error) {
    throw importErrorFor(error, signal);
  } finally {
    response.destroy();
    body.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function importErrorFor(error: unknown, signal: AbortSignal): ArticleImportError {
  if (error instanceof ArticleImportError) return error;
  if (error instanceof BlockedAddressError) return new ArticleImportError("not-allowed");
  if (signal.aborted) return new ArticleImportError("unreachable", "it took longer than 10 seconds");
  return new ArticleImportError("unreachable");
}
