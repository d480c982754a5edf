import { afterAll, describe, expect, it } from "vitest";
import { createTestArticle, createTestUser, insertTestAnnotation } from "@/test-support/annotations";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { openArticleEventStream } from "./article-event-stream";
import { db } from "@/lib/db";
import { latestSeq, pruneChangeLog } from "./change-log";
import { LiveHub, liveHub, poolQueryable } from "./live-hub";
import { listArticleAnnotationsBody } from "@/lib/annotations/list-article-annotations";
import { articleAnnotationsResponseSchema } from "@/lib/api/annotations";

const author = await createTestUser("Ada Author");
const article = await createTestArticle(["Streams resume where they left off, and say nothing of private notes."]);
afterAll(() => liveHub().stop());

/** Reads server-sent events from a stream until `count` have arrived. */
async function readEvents(stream: ReadableStream<Uint8Array>, count: number): Promise<{ id: string; event: string; data: unknown }[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: { id: string; event: string; data: unknown }[] = [];
  let text = "";
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf("\n\n")) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(block)?.[1];
      const data = field("data");
      if (data !== undefined) events.push({ id: field("id") ?? "", event: field("event") ?? "message", data: JSON.parse(data) });
    }
  }
  reader.releaseLock();
  return events;
}

describe("openArticleEventStream", () => {
  it("replays what a viewer missed after Last-Event-ID, skips what they may not see, then goes on live", async () => {
    const from = await latestSeq(poolQueryable);
    const shared = await insertTestAnnotation({ article, author, exact: "Streams resume", visibility: "public" });
    await insertTestAnnotation({ article, author, exact: "private notes" });
    await updateAnnotation({ viewer: author, id: shared, changes: { visibility: "private" } });

    const aborted = new AbortController();
    const stream = await openArticleEventStream({ articleId: article.id, audience: { viewer: null, heldLinks: new Set() }, lastEventId: from, signal: aborted.signal });
    const replayed = await readEvents(stream!, 2);
    expect(replayed.map((e) => e.data)).toEqual([
      { kind: "annotation", annotationId: shared },
      { kind: "annotation-removed", annotationId: shared },
    ]);
    expect(BigInt(replayed[0]!.id)).toBeGreaterThan(from);

    await updateAnnotation({ viewer: author, id: shared, changes: { visibility: "public" } });
    const [live] = await readEvents(stream!, 1);
    expect(live).toMatchObject({ event: "change", data: { kind: "annotation", annotationId: shared } });
    expect(BigInt(live!.id)).toBeGreaterThan(BigInt(replayed[1]!.id));
    aborted.abort();
    expect(liveHub().openStreams).toBe(0);
  });

  it("starts a stream from the position a list answered with: a change committed after the list is replayed, one in it is not", async () => {
    const listed = await insertTestAnnotation({ article, author, exact: "Streams", visibility: "public" });
    const body = await listArticleAnnotationsBody({ viewer: null, slug: article.slug });
    const list = articleAnnotationsResponseSchema.parse(JSON.parse(new TextDecoder().decode(body!)));
    expect(list.annotations.map((a) => a.id)).toContain(listed);
    // Made between the page's list load and its stream's start.
    const meanwhile = await insertTestAnnotation({ article, author, exact: "where they left off", visibility: "public" });

    const aborted = new AbortController();
    const audience = { viewer: null, heldLinks: new Set<string>() };
    const stream = await openArticleEventStream({ articleId: article.id, audience, lastEventId: BigInt(list.lastEventId), signal: aborted.signal });
    // Replay goes in log order, so `listed` (committed before the list was read) would come first.
    const [replayed] = await readEvents(stream!, 1);
    expect(replayed).toMatchObject({ event: "change", data: { kind: "annotation", annotationId: meanwhile } });
    expect(BigInt(replayed!.id)).toBeGreaterThan(BigInt(list.lastEventId));
    aborted.abort();
  });

  it("tells a stream that asks for pruned history to reload, and resumes it from now", async () => {
    const before = await latestSeq(poolQueryable);
    await insertTestAnnotation({ article, author, exact: "say nothing", visibility: "public" });
    const pruned = await latestSeq(poolQueryable);
    await insertTestAnnotation({ article, author, exact: "left off", visibility: "public" });
    await db.$executeRaw`UPDATE change_log SET created_at = now() - interval '2 days' WHERE seq <= ${pruned}`;
    await pruneChangeLog(poolQueryable, 24);

    const aborted = new AbortController();
    const stream = await openArticleEventStream({ articleId: article.id, audience: { viewer: null, heldLinks: new Set() }, lastEventId: before, signal: aborted.signal });
    const [reset] = await readEvents(stream!, 1);
    expect(reset).toMatchObject({ event: "reset", id: String(await latestSeq(poolQueryable)) });
    aborted.abort();
  });
});

describe("LiveHub", () => {
  it("refuses streams past its maximum, and has room again when one closes", () => {
    const hub = new LiveHub(() => 2);
    const first = hub.subscribe("a", () => {});
    expect(hub.subscribe("b", () => {})).not.toBeNull();
    expect(hub.subscribe("a", () => {})).toBeNull();
    first!();
    first!();
    expect(hub.openStreams).toBe(1);
    expect(hub.subscribe("a", () => {})).not.toBeNull();
  });
});
