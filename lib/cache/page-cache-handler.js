// @ts-check
/**
 * Next's own file-system page cache, except that a page which answered 404
 * is never stored. Article pages are rendered on first visit and cached, so
 * without this every made-up address (/articles/anything) would leave a
 * file of its 404 on disk, forever; a miss costs one indexed query instead.
 * CommonJS, as next.config.js loads it (`cacheHandler`) outside the bundles.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by next.config.js as CommonJS, outside the bundles
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

class PageCacheHandler extends FileSystemCache {
  /** @type {FileSystemCache["set"]} */
  async set(key, data, context) {
    if (data && "status" in data && data.status === 404) return;
    return super.set(key, data, context);
  }
}

module.exports = PageCacheHandler;
