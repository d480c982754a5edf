import { revalidationToken } from "@/lib/articles/revalidation";
import { briefError, logger } from "@/lib/log/logger";
import type { LiveHub } from "./live-hub";

/** Changes arriving this close together go out as one revalidation (a reseed changes several articles at once). */
const GATHER_MS = 50;

/**
 * Keeps this instance's page cache fresh when an article changes on any
 * instance (a reseed, an import): the change log's NOTIFY reaches every
 * instance's hub, and each one revalidates its own cached pages through its
 * own POST /api/revalidate (revalidatePath only works inside a request).
 * Chosen over a PostgreSQL-backed cacheHandler: pages stay served from each
 * instance's memory and disk with no query per view (see BENCHMARKS.md).
 */
export function revalidateArticlesOnChange(hub: LiveHub, options: { port: () => string | undefined; secret: string }): () => void {
  let slugs = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  const flush = async () => {
    timer = null;
    const changed = [...slugs];
    slugs = new Set();
    const port = options.port();
    if (!port) return;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/revalidate`, {
        method: "POST",
        headers: { authorization: `Bearer ${revalidationToken(options.secret)}`, "content-type": "application/json" },
        body: JSON.stringify({ slugs: changed }),
      });
      if (!response.ok) logger.warn({ slugs: changed, status: response.status }, "revalidating changed articles' pages was refused");
    } catch (error) {
      // Expected while this instance stops (its own port no longer answers): no stack.
      logger.warn({ slugs: changed, reason: briefError(error) }, "revalidating changed articles' pages failed");
    }
  };

  return hub.onArticleChanged((slug) => {
    slugs.add(slug);
    timer ??= setTimeout(() => void flush(), GATHER_MS);
  });
}
