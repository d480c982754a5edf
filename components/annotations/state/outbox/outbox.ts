import type { AnnotationDto } from "@/lib/api/annotations";
import { ApiError } from "@/lib/api/api-fetch";
import { coalesce } from "./coalesce";
import type { OutboxEntry, SendOutcome } from "./outbox-entry";
import { operationKind } from "./operation-kinds";
import type { OutboxStorage } from "./outbox-storage";

export type NewEntry = Omit<OutboxEntry, "userId" | "attempts" | "createdAt" | "seq">;

/** What the reader is told about one annotation's writes. */
export type SaveState =
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "failed"; message: string }
  | { kind: "saved" };

export type OutcomeListener = (entry: OutboxEntry, outcome: SendOutcome) => void;

const MAX_BACKOFF_MS = 30_000;

function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.isTransient;
}

/** Words for a write the server refused for good, after "Couldn't save: ". */
function refusal(entry: OutboxEntry, error: unknown): string {
  if (!(error instanceof ApiError)) return "something went wrong.";
  if (error.status === 401) return "your session has ended. Sign in again, then retry.";
  if (error.status === 404) return entry.kind === "create" ? "the article is gone." : "it was deleted in another tab or on another device.";
  return error.message;
}

function withoutFailure(entry: OutboxEntry): OutboxEntry {
  const cleared = { ...entry };
  delete cleared.failure;
  return cleared;
}

/**
 * The reader's writes, kept in the browser until the server has them. Every
 * write is stored before it is sent; one tab at a time (a Web Lock) sends the
 * stored writes oldest first. A write that got no answer, or a 5xx/429 (the
 * database restarting), is sent again with backoff, and at once when the
 * browser is back online; one the server refused waits for Retry or Discard.
 * Tabs tell each other about changes over a BroadcastChannel.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private readonly savedThisVisit = new Set<string>();
  /**
   * Per annotation, each version a write of this browser was made on and then
   * saved, with the server's copy it became: a later write made on that same
   * version was made on top of the saved one (see rebasedOnOwnSaves).
   */
  private readonly ownSavesFrom = new Map<string, Map<number, AnnotationDto>>();
  private waitingForNetwork = false;
  private draining = false;
  /** A write arrived while a drain was finishing: drain again. */
  private kicked = false;
  private failuresInARow = 0;
  private wake: (() => void) | null = null;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly outcomeListeners = new Set<OutcomeListener>();
  private readonly discardListeners = new Set<(annotationId: string) => void>();
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly storage: OutboxStorage,
    readonly userId: string,
  ) {
    this.channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(`gloss-outbox:${userId}`);
    this.channel?.addEventListener("message", () => void this.refresh());
  }

  /** Loads what an earlier visit left and starts sending it; wakes on `online`. */
  start(): () => void {
    const online = () => this.retryNow();
    window.addEventListener("online", online);
    void this.refresh().then(() => this.drain());
    return () => {
      window.removeEventListener("online", online);
      this.channel?.close();
    };
  }

  /** Stores a write (folding it into waiting ones where safe), then sends. Resolves once it is stored. */
  async enqueue(entry: NewEntry): Promise<void> {
    const stored: OutboxEntry = { ...entry, userId: this.userId, attempts: 0, createdAt: Date.now() };
    await this.storage.change(this.userId, (entries) => {
      const { drop, rewrite, add } = coalesce(entries, this.rebasedOnOwnSaves(stored));
      return { changes: { remove: drop, put: rewrite, add: add ? [add] : [] }, result: undefined };
    });
    this.savedThisVisit.delete(entry.annotationId);
    await this.changed();
    this.drain();
  }

  /** Sends an annotation's refused writes again. */
  async retry(annotationId: string): Promise<void> {
    await this.storage.change(this.userId, (entries) => ({
      changes: { put: entries.filter((entry) => entry.annotationId === annotationId && entry.failure).map(withoutFailure) },
      result: undefined,
    }));
    await this.changed();
    this.retryNow();
  }

  /** Drops every waiting write of an annotation; resolves with what was dropped. */
  async discard(annotationId: string): Promise<OutboxEntry[]> {
    const dropped = await this.storage.change(this.userId, (entries) => {
      const mine = entries.filter((entry) => entry.annotationId === annotationId);
      return { changes: { remove: mine.map((entry) => entry.seq!) }, result: mine };
    });
    await this.changed();
    for (const listener of this.discardListeners) listener(annotationId);
    return dropped;
  }

  /** The writes still waiting, oldest first. */
  pending(): readonly OutboxEntry[] {
    return this.entries;
  }

  stateOf(annotationId: string): SaveState | null {
    const mine = this.entries.filter((entry) => entry.annotationId === annotationId);
    const failed = mine.find((entry) => entry.failure);
    if (failed) return { kind: "failed", message: failed.failure! };
    if (mine.length > 0) return { kind: this.waitingForNetwork ? "offline" : "saving" };
    return this.savedThisVisit.has(annotationId) ? { kind: "saved" } : null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever any state shown to the reader may have changed (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  onOutcome(listener: OutcomeListener): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  /** After Discard: what the reader sees should go back to what the server has. */
  onDiscard(listener: (annotationId: string) => void): () => void {
    this.discardListeners.add(listener);
    return () => this.discardListeners.delete(listener);
  }

  private retryNow() {
    this.failuresInARow = 0;
    this.wake?.();
    this.drain();
  }

  private async refresh() {
    this.entries = await this.storage.change(this.userId, (entries) => ({ changes: {}, result: entries }));
    this.notify();
  }

  private async changed() {
    await this.refresh();
    this.channel?.postMessage("changed");
  }

  private notify() {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private drain() {
    if (this.draining) {
      this.kicked = true;
      return;
    }
    this.draining = true;
    this.kicked = false;
    const run = () =>
      this.sendAll().finally(() => {
        this.draining = false;
        if (this.kicked) this.drain();
      });
    // One sender per browser: other tabs' writes are in the same store and go out in the same order.
    const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
    void (locks ? locks.request(`gloss-outbox:${this.userId}`, run) : run());
  }

  /** Claims the oldest write that may go now: not refused, and not behind a refused write of its annotation. */
  private claimNext(): Promise<OutboxEntry | null> {
    return this.storage.change(this.userId, (entries) => {
      const blocked = new Set(entries.filter((entry) => entry.failure || !operationKind(entry.kind)).map((entry) => entry.annotationId));
      const next = entries.find((entry) => !blocked.has(entry.annotationId));
      if (!next) return { changes: {}, result: null };
      const claimed = { ...next, attempts: next.attempts + 1 };
      return { changes: { put: [claimed] }, result: claimed };
    });
  }

  private async sendAll() {
    for (;;) {
      const entry = await this.claimNext();
      if (!entry) return;
      let outcome: SendOutcome;
      try {
        outcome = await operationKind(entry.kind)!.send(entry);
      } catch (error) {
        if (isTransient(error)) {
          await this.waitBeforeRetrying();
        } else {
          await this.storage.change(this.userId, () => ({ changes: { put: [{ ...entry, failure: refusal(entry, error) }] }, result: undefined }));
          await this.changed();
        }
        continue;
      }
      await this.complete(entry, outcome);
    }
  }

  /**
   * `entry` on the latest version this browser's own writes made of its
   * annotation, when it was made on a version one of them was made on and
   * saved from: the reader made it on top of that write (shown while it was
   * waiting), but before the page had the saved copy's version — a write
   * stored just after the save, which complete() did not find to rebase.
   * Sent with the old base, it would lose to this browser's own write as if
   * that were someone else's.
   */
  private rebasedOnOwnSaves(entry: OutboxEntry): OutboxEntry {
    const kind = operationKind(entry.kind);
    const saves = this.ownSavesFrom.get(entry.annotationId);
    if (!kind?.rebase || !kind.baseVersion || !saves) return entry;
    let rebased = entry;
    // Following the chain of saves: each leads to a newer version, so it ends.
    for (let base = kind.baseVersion(entry); base !== undefined; base = kind.baseVersion(rebased)) {
      const saved = saves.get(base);
      if (!saved || saved.version <= base) break;
      rebased = kind.rebase(rebased, saved);
    }
    return rebased;
  }

  private async complete(entry: OutboxEntry, outcome: SendOutcome) {
    // After a conflict the later writes keep their (stale) base: they were made
    // on the version that lost, so they are refused in turn rather than applied over the newer one.
    const saved: AnnotationDto | undefined = outcome.kind === "saved" ? outcome.annotation : undefined;
    const base = operationKind(entry.kind)?.baseVersion?.(entry);
    if (saved && base !== undefined) {
      const saves = this.ownSavesFrom.get(entry.annotationId) ?? new Map<number, AnnotationDto>();
      this.ownSavesFrom.set(entry.annotationId, saves.set(base, saved));
    }
    await this.storage.change(this.userId, (entries) => ({
      changes: {
        remove: [entry.seq!],
        // Later writes of this annotation were made on top of this one.
        put: saved
          ? entries
              .filter((later) => later.annotationId === entry.annotationId && later.seq !== entry.seq)
              .map((later) => operationKind(later.kind)?.rebase?.(later, saved) ?? later)
          : [],
      },
      result: undefined,
    }));
    this.failuresInARow = 0;
    this.waitingForNetwork = false;
    // A write that lost to a newer version was not saved; the reader is told so (use-annotation-writes.ts).
    if (outcome.kind !== "conflict") this.savedThisVisit.add(entry.annotationId);
    for (const listener of this.outcomeListeners) listener(entry, outcome);
    await this.changed();
  }

  /** Exponential backoff with jitter (1 s, 2 s, 4 s … 30 s); `online` or Retry cut it short. */
  private async waitBeforeRetrying() {
    this.failuresInARow++;
    if (!this.waitingForNetwork) {
      this.waitingForNetwork = true;
      this.notify();
    }
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (this.failuresInARow - 1)) * (0.75 + Math.random() / 2);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }
}
