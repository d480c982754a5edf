import type { CreatePayload, OutboxEntry, UpdatePayload } from "./outbox-entry";

/** How the store changes when `next` joins the entries still waiting for its annotation. */
export interface Coalesced {
  /** Entries (by seq) to drop unsent. */
  drop: number[];
  /** Entries rewritten in place. */
  rewrite: OutboxEntry[];
  /** The entry to add, or null when the change was folded into waiting ones. */
  add: OutboxEntry | null;
}

const untouched = (next: OutboxEntry): Coalesced => ({ drop: [], rewrite: [], add: next });

/** The fields that are set: spreading them over an object changes only those. */
function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/**
 * Folds a new write into the waiting writes of the same annotation where
 * that cannot change the outcome; anything else is simply queued behind them.
 * Only entries never attempted are touched: one that has started sending may
 * already be on the server.
 *
 * - an edit after a waiting create joins the create (note, colour); a change of
 *   visibility or tags, which a create cannot carry, stays an edit of its own;
 * - an edit after a waiting edit joins it (the later value of each field wins,
 *   the earlier base version stays, so a conflict is still noticed);
 * - a delete drops every waiting write of the annotation, and is itself dropped
 *   when the annotation's create was never sent: nothing reaches the server.
 */
export function coalesce(waiting: readonly OutboxEntry[], next: OutboxEntry): Coalesced {
  const mine = waiting.filter((entry) => entry.annotationId === next.annotationId);

  if (next.kind === "delete") {
    // Unsent writes, and writes the server refused, never took effect.
    const moot = mine.filter((entry) => entry.attempts === 0 || entry.failure !== undefined);
    const create = mine.find((entry) => entry.kind === "create");
    const neverStored = create !== undefined && moot.includes(create);
    return { drop: moot.map((entry) => entry.seq!), rewrite: [], add: neverStored ? null : next };
  }
  const last = mine.at(-1);
  if (next.kind !== "update" || !last || last.attempts > 0 || last.failure !== undefined) return untouched(next);

  const update = next.payload as UpdatePayload;
  if (last.kind === "create") {
    const create = last.payload as CreatePayload;
    const content = withoutUndefined({ note: update.note, color: update.color });
    const rewritten = { ...last, payload: { input: { ...create.input, ...content }, preview: { ...create.preview, ...content } } satisfies CreatePayload };
    const rest = withoutUndefined({ visibility: update.visibility, tags: update.tags });
    if (Object.keys(rest).length === 0) return { drop: [], rewrite: [rewritten], add: null };
    return { drop: [], rewrite: [rewritten], add: { ...next, payload: rest satisfies UpdatePayload } };
  }
  if (last.kind === "update") {
    const merged: UpdatePayload = { ...(last.payload as UpdatePayload), ...withoutUndefined({ ...update, baseVersion: undefined }) };
    return { drop: [], rewrite: [{ ...last, payload: merged }], add: null };
  }
  return untouched(next);
}
