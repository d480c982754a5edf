import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { adaptNextPageCache, adaptPageCacheHandler } from "./page-cache";
import { scriptsAfterPaintLoader } from "./scripts-after-paint";

class RecordingCache {
  stored = new Map<string, unknown>();
  async get(key: string): Promise<{ lastModified: number; value: unknown } | null> {
    const value = this.stored.get(key);
    return value ? { lastModified: 0, value } : null;
  }
  async set(key: string, data: unknown) {
    this.stored.set(key, data);
  }
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const page = (status: number) => ({
  kind: "APP_PAGE",
  status,
  headers: { "x-next-cache-tags": "t" },
  html: `<html><head><script src="/_next/static/chunks/a.js" async=""></script><script>theme()</script></head><body><script id="_R_">boot()</script><script>self.__next_f.push([1,"</p>"])</script></body></html>`,
});

describe("Next's page cache, adapted", () => {
  it("stores pages of every other status, and never a 404", async () => {
    class Cache extends RecordingCache {}
    const cache = new Cache();
    adaptPageCacheHandler(cache);
    adaptPageCacheHandler(new Cache()); // a second instance of the same class wraps nothing twice
    await cache.set("/articles/real", page(200));
    await cache.set("/articles/made-up", page(404));
    await cache.set("/api/thing", { kind: "APP_ROUTE", status: undefined });
    expect([...cache.stored.keys()]).toEqual(["/articles/real", "/api/thing"]);
  });

  it("serves a cached page with its scripts loaded after the first paint and a policy allowing exactly its inline scripts, by hash", async () => {
    class Cache extends RecordingCache {}
    const cache = new Cache();
    adaptPageCacheHandler(cache);
    await cache.set("/about", page(200));
    const entry = (await cache.get("/about")) as { value: { html: string; headers: Record<string, string> } };
    expect(entry.value.headers["x-next-cache-tags"]).toBe("t");
    const loader = scriptsAfterPaintLoader(["/_next/static/chunks/a.js"]);
    expect(entry.value.html).toBe(`<html><head><script>${loader}</script><script>theme()</script></head>${page(200).html.split("</head>")[1]}`);
    expect(entry.value.headers["content-security-policy"]).toBe(
      `script-src 'self' ${sha256(loader)} ${sha256("theme()")} ${sha256("boot()")} ${sha256('self.__next_f.push([1,"</p>"])')}`,
    );
    const route = { kind: "APP_ROUTE", status: 200, headers: {}, body: "{}" };
    await cache.set("/api/thing", route);
    expect(await cache.get("/api/thing")).toEqual({ lastModified: 0, value: { ...route, headers: {} } });
  });

  it("serves a cached page written in ASCII, its policy allowing the inline scripts as they are sent", async () => {
    class Cache extends RecordingCache {}
    const cache = new Cache();
    adaptPageCacheHandler(cache);
    const text = "Mostly plain words. ".repeat(20);
    await cache.set("/articles/a", { ...page(200), html: `<html><body><p>Isn’t ${text}</p><script>self.__next_f.push([1,"Isn’t"])</script></body></html>` });
    const entry = (await cache.get("/articles/a")) as { value: { html: string; headers: Record<string, string> } };
    expect(entry.value.html).toBe(`<html><body><p>Isn&#x2019;t ${text}</p><script>self.__next_f.push([1,"Isn\\u2019t"])</script></body></html>`);
    expect(entry.value.headers["content-security-policy"]).toBe(`script-src 'self' ${sha256('self.__next_f.push([1,"Isn\\u2019t"])')}`);
  });

  it("serves a cached page with an ETag of its HTML and flight data, the same wherever the same entry is read", async () => {
    class Cache extends RecordingCache {}
    const [one, other] = [new Cache(), new Cache()];
    adaptPageCacheHandler(one);
    type Entry = { value: { headers: Record<string, string> } };
    const etagOf = async (cache: Cache, key: string, value: object) => {
      await cache.set(key, value);
      return ((await cache.get(key)) as Entry).value.headers.etag;
    };
    const rscData = Buffer.from('0:{"a":1}');
    const etag = await etagOf(one, "/about", { ...page(200), rscData });
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect(await etagOf(other, "/about", { ...page(200), rscData })).toBe(etag);
    expect(await etagOf(one, "/other", { ...page(200), rscData: Buffer.from('0:{"a":2}') })).not.toBe(etag);
    expect(await etagOf(one, "/changed", { ...page(200), html: "<p>changed</p>", rscData })).not.toBe(etag);
  });

  it("computes a cached page's policy and ETag once, not on every request that reads it", async () => {
    class Cache extends RecordingCache {
      entry = { lastModified: 0, value: page(200) };
      override async get(): Promise<{ lastModified: number; value: unknown }> {
        return this.entry; // Next's memory cache hands out the same entry object every time
      }
    }
    const cache = new Cache();
    adaptPageCacheHandler(cache);
    type Entry = { value: { html: string; headers: Record<string, string> } };
    const first = (await cache.get()) as Entry;
    const { "content-security-policy": policy, etag } = first.value.headers;
    first.value.html = "<script>changed()</script>"; // a second computation would see this
    const second = (await cache.get()) as Entry;
    expect(second.value.headers).toBe(first.value.headers);
    expect(second.value.headers["content-security-policy"]).toBe(policy);
    expect(second.value.headers.etag).toBe(etag);
  });

  it("reaches the handler of every cache Next publishes as globalThis.__incrementalCache", async () => {
    class Cache extends RecordingCache {}
    adaptNextPageCache();
    adaptNextPageCache();
    const published = { cacheHandler: new Cache() };
    (globalThis as { __incrementalCache?: unknown }).__incrementalCache = published;
    expect((globalThis as { __incrementalCache?: unknown }).__incrementalCache).toBe(published);
    await published.cacheHandler.set("/articles/made-up", { status: 404 });
    await published.cacheHandler.set("/about", { status: 200 });
    expect([...published.cacheHandler.stored.keys()]).toEqual(["/about"]);
  });
});
