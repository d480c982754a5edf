import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OutboxEntry } from "./outbox-entry";

/** Changes to make to the stored entries, all at once. */
export interface EntryChanges {
  put?: OutboxEntry[];
  add?: OutboxEntry[];
  remove?: number[];
}

/**
 * Where the outbox keeps its entries. `change` reads a reader's entries (in
 * the order they were made) and applies what `decide` returns in one
 * transaction, so two tabs changing the outbox at once never lose each
 * other's writes.
 */
export interface OutboxStorage {
  change<T>(userId: string, decide: (entries: OutboxEntry[]) => { changes: EntryChanges; result: T }): Promise<T>;
}

interface OutboxSchema extends DBSchema {
  entries: { key: number; value: OutboxEntry; indexes: { byUser: string } };
}

const DATABASE = "gloss-outbox";

/** A new entry gets its seq from the store's key generator. */
function withoutSeq(entry: OutboxEntry): OutboxEntry {
  const fresh = { ...entry };
  delete fresh.seq;
  return fresh;
}

/** The browser's IndexedDB: entries outlive reloads, closed tabs and restarts. */
export class IndexedDbOutboxStorage implements OutboxStorage {
  private database: Promise<IDBPDatabase<OutboxSchema>> | undefined;

  private open() {
    this.database ??= openDB<OutboxSchema>(DATABASE, 1, {
      upgrade(database) {
        const entries = database.createObjectStore("entries", { keyPath: "seq", autoIncrement: true });
        entries.createIndex("byUser", "userId");
      },
    });
    return this.database;
  }

  async change<T>(userId: string, decide: (entries: OutboxEntry[]) => { changes: EntryChanges; result: T }): Promise<T> {
    const transaction = (await this.open()).transaction("entries", "readwrite");
    const entries = await transaction.store.index("byUser").getAll(userId);
    entries.sort((a, b) => a.seq! - b.seq!);
    const { changes, result } = decide(entries);
    await Promise.all([
      ...(changes.remove ?? []).map((seq) => transaction.store.delete(seq)),
      ...(changes.put ?? []).map((entry) => transaction.store.put(entry)),
      ...(changes.add ?? []).map((entry) => transaction.store.add(withoutSeq(entry))),
    ]);
    await transaction.done;
    return result;
  }
}

/** For browsers without IndexedDB (some private modes): the outbox lives as long as the page. */
export class MemoryOutboxStorage implements OutboxStorage {
  private entries: OutboxEntry[] = [];
  private nextSeq = 1;

  async change<T>(userId: string, decide: (entries: OutboxEntry[]) => { changes: EntryChanges; result: T }): Promise<T> {
    const { changes, result } = decide(this.entries.filter((entry) => entry.userId === userId).map((entry) => structuredClone(entry)));
    const removed = new Set(changes.remove ?? []);
    const replaced = new Map((changes.put ?? []).map((entry) => [entry.seq!, entry]));
    this.entries = this.entries.filter((entry) => !removed.has(entry.seq!)).map((entry) => replaced.get(entry.seq!) ?? entry);
    for (const entry of changes.add ?? []) this.entries.push({ ...entry, seq: this.nextSeq++ });
    return result;
  }
}

export function browserOutboxStorage(): OutboxStorage {
  return typeof indexedDB === "undefined" ? new MemoryOutboxStorage() : new IndexedDbOutboxStorage();
}
