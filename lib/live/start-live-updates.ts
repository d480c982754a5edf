import type { ServerEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { revalidateArticlesOnChange } from "./article-invalidation";
import { liveHub } from "./live-hub";

/** Called once per server process (instrumentation.ts): the change listener, and page revalidation on article changes. */
export function startLiveUpdates(env: ServerEnv) {
  const hub = liveHub();
  if (env.NEXTAUTH_SECRET) revalidateArticlesOnChange(hub, { port: () => env.PORT, secret: env.NEXTAUTH_SECRET });
  hub.start(env.DATABASE_URL).catch((error: unknown) => logger.error({ err: error }, "live updates could not start"));
}
