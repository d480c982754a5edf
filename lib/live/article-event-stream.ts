import { AppError } from "@/lib/api/errors";
import { canResumeFrom, latestSeq, readChangesAfter, type ChangeEntry } from "./change-log";
import { liveHub, poolQueryable } from "./live-hub";
import { liveEventFor, type LiveEvent, type StreamAudience } from "./live-event";

/**
 * The Server-Sent Events stream of one article for one viewer
 * (GET /api/articles/{slug}/events). Every event carries `id:` = the change's
 * seq, so a reconnecting EventSource sends Last-Event-ID and is replayed what
 * it missed from the change log, in order, before anything new.
 */

export const HEARTBEAT_MS = 15_000;
/** A stream that has missed more than this many changes is told to reload instead. */
const MAX_REPLAY = 1000;
/** A client this far behind in reading is cut off; it reconnects and resumes from the log. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Sent at the start: how long an EventSource waits before reconnecting. */
const RECONNECT_MS = 2000;

export interface OpenArticleEventStreamOptions {
  articleId: string;
  audience: StreamAudience;
  /** From Last-Event-ID: resume after this seq; null for a new stream (the client loads the list itself). */
  lastEventId: bigint | null;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

const encoder = new TextEncoder();
/** One change goes to many streams, most of them with the same event: encode each event once. */
const encodedEvents = new WeakMap<ChangeEntry, Map<string, Uint8Array>>();

function encodeEvent(entry: ChangeEntry, event: LiveEvent): Uint8Array {
  let byEvent = encodedEvents.get(entry);
  if (!byEvent) encodedEvents.set(entry, (byEvent = new Map()));
  const data = JSON.stringify(event);
  let bytes = byEvent.get(data);
  if (!bytes) byEvent.set(data, (bytes = encoder.encode(`id: ${entry.seq}\nevent: change\ndata: ${data}\n\n`)));
  return bytes;
}
/** How long a stream waits for the instance's listener to (re)connect before answering 503. */
const LISTENER_WAIT_MS = 5000;

/** The hub's listener is up; a 503 if the database cannot be reached for it. */
async function listening(hub: ReturnType<typeof liveHub>) {
  let timer: NodeJS.Timeout | undefined;
  const unavailable = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("unavailable", "Live updates are not available just now.")), LISTENER_WAIT_MS);
  });
  try {
    await Promise.race([hub.start(), unavailable]);
  } finally {
    clearTimeout(timer);
  }
}

/** The stream, or null when this instance already serves its maximum of streams. */
export async function openArticleEventStream(options: OpenArticleEventStreamOptions): Promise<ReadableStream<Uint8Array> | null> {
  const { articleId, audience, lastEventId, signal } = options;
  const hub = liveHub();
  await listening(hub);

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let sentUpTo = lastEventId;
  let pending: ChangeEntry[] | null = [];

  const write = (chunk: string | Uint8Array) => {
    if (closed) return;
    controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) close();
  };
  const send = (entry: ChangeEntry) => {
    if (sentUpTo !== null && entry.seq <= sentUpTo) return;
    sentUpTo = entry.seq;
    const event = liveEventFor(entry, audience);
    if (event) write(encodeEvent(entry, event));
  };

  // Subscribe before reading the log: whatever commits meanwhile waits in `pending`, nothing falls between.
  const unsubscribe = hub.subscribe(articleId, (entry) => (pending ? pending.push(entry) : send(entry)));
  if (!unsubscribe) return null;

  const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe!();
    signal.removeEventListener("abort", close);
    try {
      controller.close();
    } catch {
      // Already closed by the client.
    }
  }
  signal.addEventListener("abort", close);

  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      cancel: close,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  write(`retry: ${RECONNECT_MS}\n: connected\n\n`);

  try {
    if (lastEventId !== null) await replay(lastEventId);
  } catch (error) {
    close();
    throw error;
  }
  const waiting = pending;
  pending = null;
  for (const entry of waiting) send(entry);
  return stream;

  async function replay(after: bigint) {
    const missed = (await canResumeFrom(poolQueryable, after))
      ? await readChangesAfter(poolQueryable, after, { articleId, limit: MAX_REPLAY + 1 })
      : null;
    if (missed && missed.length <= MAX_REPLAY) {
      for (const entry of missed) send(entry);
      return;
    }
    // Too far behind to replay: the client reloads everything, and resumes from now.
    const now = await latestSeq(poolQueryable);
    sentUpTo = now;
    write(`id: ${now}\nevent: reset\ndata: {}\n\n`);
  }
}
