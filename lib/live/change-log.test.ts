import { serverEnv } from "@/lib/env";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestArticle, createTestUser, insertTestAnnotation } from "@/test-support/annotations";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { db } from "@/lib/db";
import { createReply } from "@/lib/replies/create-reply";
import { canResumeFrom, latestSeq, pruneChangeLog, readChangesAfter, type ChangeEntry } from "./change-log";
import { ChangeListener } from "./change-listener";
import { poolQueryable } from "./live-hub";

const author = await createTestUser("Ada Author");
const replier = await createTestUser("Rita Replier");
const article = await createTestArticle(["Every change is written down in order, and nothing is missed."]);
const listeners: ChangeListener[] = [];
afterAll(() => Promise.all(listeners.map((listener) => listener.stop())));

const summary = (entries: ChangeEntry[]) => entries.map((e) => `${e.subject}:${e.op}:${e.visibilityBefore ?? "-"}>${e.visibilityAfter ?? "-"}`);

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(condition(), what).toBe(true);
}

describe("the change log", () => {
  it("records every annotation and reply change in the transaction that makes it, in order, with visibility before and after", async () => {
    const from = await latestSeq(poolQueryable);
    const id = await insertTestAnnotation({ article, author, exact: "Every change" });
    await updateAnnotation({ viewer: author, id, changes: { visibility: "public" } });
    await createReply({ viewer: replier, annotationId: id, input: { id: randomUUID(), body: "Noted" } });
    await updateAnnotation({ viewer: author, id, changes: { visibility: "private" } });
    await db.annotation.delete({ where: { id } });

    const entries = await readChangesAfter(poolQueryable, from, { articleId: article.id, limit: 100 });
    expect(summary(entries)).toEqual([
      "annotation:insert:->private",
      "annotation:update:private>public",
      "reply:insert:public>public",
      "annotation:update:public>private",
      "annotation:delete:private>-",
    ]);
    expect(entries.every((e) => e.annotationId === id && e.annotationAuthorId === author.id && e.articleSlug === article.slug)).toBe(true);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => (a < b ? -1 : 1)));
  });

  it("reads entries in the order of their numbers, also across a power of ten", async () => {
    const next = (await latestSeq(poolQueryable)) + BigInt(1);
    const powerOfTen = BigInt(10) ** BigInt(next.toString().length);
    // Moves the sequence on (never back), so the next changes take numbers on both sides of the power of ten.
    await db.$executeRaw`SELECT setval(pg_get_serial_sequence('change_log', 'seq'), ${powerOfTen - BigInt(3)})`;
    const from = await latestSeq(poolQueryable);
    const ids = [];
    for (const exact of ["Every", "change", "is", "written"]) ids.push(await insertTestAnnotation({ article, author, exact }));

    const entries = await readChangesAfter(poolQueryable, from, { articleId: article.id, limit: 10 });
    expect(entries.map((e) => e.seq)).toEqual([powerOfTen - BigInt(2), powerOfTen - BigInt(1), powerOfTen, powerOfTen + BigInt(1)]);
    expect(entries.map((e) => e.annotationId)).toEqual(ids);
    const firstTwo = await readChangesAfter(poolQueryable, from, { limit: 2 });
    expect(firstTwo.map((e) => e.seq)).toEqual([powerOfTen - BigInt(2), powerOfTen - BigInt(1)]);
  });

  it("writes nothing for a change that is rolled back", async () => {
    const from = await latestSeq(poolQueryable);
    await expect(
      db.$transaction(async (tx) => {
        await tx.annotation.updateMany({ where: { articleId: article.id }, data: { color: "pink" } });
        await tx.annotation.create({
          data: { id: randomUUID(), articleId: article.id, authorId: author.id, color: "blue", exact: "x", prefix: "", suffix: "", start: 0, end: 1 },
        });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await readChangesAfter(poolQueryable, from, { articleId: article.id, limit: 10 })).toEqual([]);
  });

  it("is pruned by age, and a resume from before the pruned entries is refused", async () => {
    await insertTestAnnotation({ article, author, exact: "written down" });
    const newest = await latestSeq(poolQueryable);
    await db.$executeRaw`UPDATE change_log SET created_at = now() - interval '2 days' WHERE seq <= ${newest}`;
    expect(await pruneChangeLog(poolQueryable, 24)).toBeGreaterThan(0);
    expect(await canResumeFrom(poolQueryable, newest)).toBe(true);
    await insertTestAnnotation({ article, author, exact: "in order" });
    expect(await canResumeFrom(poolQueryable, newest)).toBe(true);
    expect(await canResumeFrom(poolQueryable, newest - BigInt(5))).toBe(false);
  });
});

describe("ChangeListener", () => {
  it("delivers commits once each, in order, and after a lost connection replays what committed meanwhile", async () => {
    const received: ChangeEntry[] = [];
    const listener = new ChangeListener({
      connectionString: serverEnv().DATABASE_URL,
      onChanges: (entries) => received.push(...entries.filter((e) => e.articleId === article.id)),
      minDelayMs: 50,
      maxDelayMs: 200,
    }).start();
    listeners.push(listener);
    await listener.ready;

    const first = await insertTestAnnotation({ article, author, exact: "nothing is missed" });
    await until(() => received.some((e) => e.annotationId === first), "the first change arrives");

    // Drop the listener's connection from the server side, and change things while it is gone.
    const admin = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gloss-change-listener'");
    await admin.end();
    const missed = await Promise.all(["Every", "change", "written"].map((exact) => insertTestAnnotation({ article, author, exact })));

    await until(() => missed.every((id) => received.some((e) => e.annotationId === id)), "every change made while disconnected arrives");
    const seqs = received.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
  });
});
