import { serverEnv } from "@/lib/env";
import { db } from "@/lib/db";
import { liveSessionMemo, SESSIONS_CHANNEL } from "@/lib/auth/live-session-memo";
import { briefError, logger } from "@/lib/log/logger";
import { pruneChangeLog, type ChangeEntry, type Queryable } from "./change-log";
import { ChangeListener } from "./change-listener";

/**
 * The live updates of one app instance: one ChangeListener (one dedicated
 * connection) whose entries fan out in process to the open event streams of
 * each article, and to whatever else must hear of changes (article pages and
 * remembered texts, lib/live/article-invalidation.ts). The same connection
 * hears of ended sessions, for the sessions this instance remembers
 * (lib/auth/live-session-memo.ts).
 *
 * Kept on globalThis: Next bundles instrumentation and each route apart, and
 * they must all share the one listener of the process.
 */

/** Receives the log entries of one article, in seq order. */
export type ChangeSink = (entry: ChangeEntry) => void;

const DEFAULT_MAX_STREAMS = 2000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** The Prisma client as a plain `Queryable` (for the change log's reads outside the listener). */
export const poolQueryable: Queryable = {
  query: async <Row extends object>(text: string, values: unknown[] = []) => ({ rows: await db.$queryRawUnsafe<Row[]>(text, ...values) }),
};

export class LiveHub {
  private readonly sinks = new Map<string, Set<ChangeSink>>();
  private readonly articleListeners = new Set<(slug: string) => void>();
  private streamCount = 0;
  private listener: ChangeListener | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;

  /** `maxStreams` is asked when a stream opens, not before: importing this module reads no environment. */
  constructor(private readonly maxStreams: () => number) {}

  get openStreams(): number {
    return this.streamCount;
  }

  /** Starts listening (once); resolves when the listener's first connection is up. */
  start(connectionString = serverEnv().DATABASE_URL): Promise<void> {
    if (!this.listener) {
      if (!connectionString) throw new Error("DATABASE_URL is not set");
      const sessions = liveSessionMemo();
      this.listener = new ChangeListener({
        connectionString,
        onChanges: (entries) => this.dispatch(entries),
        channels: { [SESSIONS_CHANNEL]: (userId) => sessions.forget(userId) },
        onListening: (listening) => sessions.setListening(listening),
        log: (message) => logger.warn(message),
      }).start();
      this.pruneTimer = setInterval(() => {
        pruneChangeLog(poolQueryable).catch((error: unknown) => logger.warn({ reason: briefError(error) }, "pruning the change log failed"));
      }, PRUNE_EVERY_MS);
      this.pruneTimer.unref();
    }
    return this.listener.ready;
  }

  async stop(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.listener?.stop();
    this.listener = null;
  }

  /** Opens a stream's subscription to one article; null when this instance already serves its maximum. */
  subscribe(articleId: string, sink: ChangeSink): (() => void) | null {
    if (this.streamCount >= this.maxStreams()) return null;
    this.streamCount += 1;
    let sinks = this.sinks.get(articleId);
    if (!sinks) this.sinks.set(articleId, (sinks = new Set()));
    sinks.add(sink);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.streamCount -= 1;
      sinks.delete(sink);
      if (sinks.size === 0 && this.sinks.get(articleId) === sinks) this.sinks.delete(articleId);
    };
  }

  /** Called with the slug of every article that changes (on any instance). */
  onArticleChanged(listener: (slug: string) => void): () => void {
    this.articleListeners.add(listener);
    return () => this.articleListeners.delete(listener);
  }

  private dispatch(entries: ChangeEntry[]) {
    for (const entry of entries) {
      if (entry.subject === "article") {
        for (const listener of this.articleListeners) safely(() => listener(entry.articleSlug));
      }
      const sinks = this.sinks.get(entry.articleId);
      if (sinks) for (const sink of sinks) safely(() => sink(entry));
    }
  }
}

function safely(deliver: () => void) {
  try {
    deliver();
  } catch (error) {
    logger.error({ err: error }, "delivering a change failed");
  }
}

const globalForLive = globalThis as unknown as { glossLiveHub?: LiveHub };

/** This process's hub. */
export function liveHub(): LiveHub {
  globalForLive.glossLiveHub ??= new LiveHub(() => serverEnv().GLOSS_MAX_STREAMS ?? DEFAULT_MAX_STREAMS);
  return globalForLive.glossLiveHub;
}
