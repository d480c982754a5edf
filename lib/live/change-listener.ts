import pg from "pg";
import { latestSeq, readChangesAfter, type ChangeEntry } from "./change-log";

export const CHANGES_CHANNEL = "gloss_changes";
const BATCH = 500;

export interface ChangeListenerOptions {
  connectionString: string;
  /** Called with new entries in seq order, each exactly once per listener. */
  onChanges: (entries: ChangeEntry[]) => void;
  /** Where to start; by default the newest entry when first connected (nothing older is replayed). */
  afterSeq?: bigint;
  minDelayMs?: number;
  maxDelayMs?: number;
  log?: (message: string) => void;
  /** Other channels heard on the same connection, each with what to do with a notification's payload. */
  channels?: Record<string, (payload: string) => void>;
  /** Told true once the connection LISTENs on every channel, false when it is lost or closed (notifications may have been missed). */
  onListening?: (listening: boolean) => void;
}

/**
 * One dedicated connection per instance that LISTENs for commits to the
 * change log. A NOTIFY only says "something committed"; the entries come
 * from the log by seq, so nothing depends on notifications arriving: after
 * a lost connection the listener reconnects (exponential backoff with
 * jitter) and reads everything after the last seq it delivered.
 */
export class ChangeListener {
  private client: pg.Client | null = null;
  private lastSeq: bigint | undefined;
  private stopped = false;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private connected: (() => void) | null = null;
  /** Resolves once the first connection is listening. */
  readonly ready: Promise<void>;

  constructor(private readonly options: ChangeListenerOptions) {
    this.lastSeq = options.afterSeq;
    this.ready = new Promise((resolve) => (this.connected = resolve));
  }

  /** The seq of the last entry delivered. */
  get position(): bigint | undefined {
    return this.lastSeq;
  }

  start(): this {
    void this.connect();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) this.options.onListening?.(false);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: "gloss-change-listener", keepAlive: true });
    const channels = this.options.channels ?? {};
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.options.onListening?.(false);
      client.end().catch(() => undefined);
      this.retry(reason);
    };
    client.on("error", (error) => lost(error.message));
    client.on("end", () => lost("connection ended"));
    client.on("notification", ({ channel, payload }) => {
      if (channel === CHANGES_CHANNEL) this.readNew(client);
      else channels[channel]?.(payload ?? "");
    });
    try {
      await client.connect();
      for (const channel of [CHANGES_CHANNEL, ...Object.keys(channels)]) await client.query(`LISTEN ${channel}`);
      this.lastSeq ??= await latestSeq(client);
    } catch (error) {
      client.end().catch(() => undefined);
      return this.retry(error instanceof Error ? error.message : String(error));
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.options.onListening?.(true);
    this.connected?.();
    // Whatever committed while there was no connection.
    this.readNew(client);
  }

  private retry(reason: string) {
    if (this.stopped || this.retryTimer) return;
    const { minDelayMs = 250, maxDelayMs = 10_000 } = this.options;
    const delay = Math.min(maxDelayMs, minDelayMs * 2 ** this.failures) * (0.5 + Math.random() / 2);
    this.failures += 1;
    this.options.log?.(`change listener: ${reason}; reconnecting in ${Math.round(delay)} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  /** Reads and delivers entries after the last one delivered; one read at a time, again if notified meanwhile. */
  private readNew(client: pg.Client) {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          let batch: ChangeEntry[];
          do {
            batch = await readChangesAfter(client, this.lastSeq ?? BigInt(0), { limit: BATCH });
            const last = batch.at(-1);
            if (last) {
              this.lastSeq = last.seq;
              this.options.onChanges(batch);
            }
          } while (batch.length === BATCH);
        } while (this.readAgain && this.client === client);
      } catch (error) {
        // The connection failed mid-read: the reconnect reads from lastSeq again.
        this.options.log?.(`change listener: read failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.reading = null;
        // Notified while a read on an older connection was ending.
        if (this.readAgain && this.client && this.client !== client) this.readNew(this.client);
      }
    })();
  }
}
