import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createInput, createTestArticle, createTestUser, reviseTestArticle } from "@/test-support/annotations";
import { db } from "@/lib/db";
import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { listArticleAnnotations, listArticleAnnotationsBody } from "./list-article-annotations";
import { articleAnnotationsResponseSchema } from "@/lib/api/annotations";
import { latestSeq } from "@/lib/live/change-log";
import { poolQueryable } from "@/lib/live/live-hub";
import { getAnnotation } from "./get-annotation";
import { updateAnnotation } from "./update-annotation";

const author = await createTestUser("Ada Author");
const reader = await createTestUser("Rita Reader");

describe("listArticleAnnotations", () => {
  it("lists in reading order, overlapping ones by end, detached ones last, marking the viewer's own", async () => {
    const article = await createTestArticle(["First words here.", "Middle words that will vanish.", "Last words there."]);
    const create = async (viewer: typeof author, exact: string) =>
      (await createAnnotation({ viewer, input: createInput(article, exact) })).annotation.id;
    const last = await create(author, "Last words");
    const vanishing = await create(author, "will vanish");
    const firstLong = await create(reader, "First words here");
    const firstShort = await create(author, "First words");
    await updateAnnotation({ viewer: reader, id: firstLong, changes: { visibility: "public" } });
    const revised = await reviseTestArticle(article, ["First words here.", "Last words there."]);

    const listed = await listArticleAnnotations({ viewer: author, slug: revised.slug });

    expect(listed?.map((a) => a.id)).toEqual([firstShort, firstLong, last, vanishing]);
    expect(listed?.map((a) => a.isOwn)).toEqual([true, false, true, true]);
    expect(listed?.[1]).toMatchObject({ author: { name: "Rita Reader" }, visibility: "public", articleSlug: article.slug });
    expect(listed?.[3]?.position).toBeNull();
  });

  it("gives an empty list for an article nobody annotated, and null for no article", async () => {
    const article = await createTestArticle(["Untouched."]);
    expect(await listArticleAnnotations({ viewer: null, slug: article.slug })).toEqual([]);
    expect(await listArticleAnnotations({ viewer: author, slug: `missing-${randomUUID().slice(0, 8)}` })).toBeNull();
  });

  it("builds exactly the AnnotationDto the rest of the API builds (notes, nulls, detached, quotes, times)", async () => {
    const article = await createTestArticle(["A \"quoted\" line with émoji 👋🏽 and a\\backslash.", "Another paragraph here."]);
    const withNote = await createAnnotation({ viewer: author, input: { ...createInput(article, "émoji 👋🏽"), note: "A **note** with\nnew lines & <tags>" } });
    const plain = await createAnnotation({ viewer: reader, input: createInput(article, "Another paragraph") });
    await updateAnnotation({ viewer: reader, id: plain.annotation.id, changes: { visibility: "public", color: "purple" } });
    await reviseTestArticle(article, ["A \"quoted\" line with émoji 👋🏽 and a\\backslash."]);

    for (const viewer of [author, reader, null]) {
      const listed = (await listArticleAnnotations({ viewer, slug: article.slug }))!;
      const expected = await Promise.all(listed.map(async (annotation) => getAnnotation({ viewer, id: annotation.id })));
      expect(listed).toEqual(expected);
    }
    const forAuthor = (await listArticleAnnotations({ viewer: author, slug: article.slug }))!;
    expect(forAuthor.map((a) => a.id)).toEqual([withNote.annotation.id, plain.annotation.id]);
    expect(forAuthor[1]!.position).toBeNull();
  });

  it("serves a repeated list from memory only while nothing it shows has changed, on any path that writes", async () => {
    const article = await createTestArticle(["Alpha beta gamma.", "Delta epsilon zeta."]);
    const version = async () =>
      (await db.articleAnnotationsVersion.findUnique({ where: { articleId: article.id } }))?.version ?? BigInt(0);
    const listFor = async (viewer: typeof author | null) => (await listArticleAnnotations({ viewer, slug: article.slug }))!;

    expect(await listFor(reader)).toEqual([]);
    const mine = await createAnnotation({ viewer: author, input: createInput(article, "beta gamma") });
    expect((await listFor(author)).map((a) => a.id)).toEqual([mine.annotation.id]);
    expect(await listFor(reader)).toEqual([]);

    const before = await version();
    await updateAnnotation({ viewer: author, id: mine.annotation.id, changes: { note: "First thought", visibility: "public" } });
    expect(await version()).toBe(before + BigInt(1));
    expect((await listFor(reader)).map((a) => [a.note, a.isOwn])).toEqual([["First thought", false]]);
    expect((await listFor(author)).map((a) => [a.note, a.isOwn])).toEqual([["First thought", true]]);

    // A name shown on the list, changed outside the annotation code.
    await db.user.update({ where: { id: author.id }, data: { name: "Ada Renamed" } });
    expect((await listFor(null)).map((a) => a.author.name)).toEqual(["Ada Renamed"]);
    await db.user.update({ where: { id: author.id }, data: { name: "Ada Author" } });

    // Re-anchoring after a text change moves the passage.
    const revised = await reviseTestArticle(article, ["Intro.", "Alpha beta gamma.", "Delta epsilon zeta."]);
    const moved = revised.text.indexOf("beta gamma");
    expect(moved).toBeGreaterThan(mine.annotation.position!.start);
    expect((await listFor(reader))[0]!.position).toEqual({ start: moved, end: moved + "beta gamma".length });

    await deleteAnnotation({ viewer: author, id: mine.annotation.id });
    expect(await listFor(reader)).toEqual([]);
    expect(await listFor(author)).toEqual([]);
  });

  it("answers with the change log's current position, read by each request even while the list is served from memory", async () => {
    const article = await createTestArticle(["Positions move on when other articles change."]);
    const other = await createTestArticle(["Somewhere else entirely."]);
    const listed = async () => {
      const body = await listArticleAnnotationsBody({ viewer: author, slug: article.slug });
      return articleAnnotationsResponseSchema.parse(JSON.parse(new TextDecoder().decode(body!)));
    };
    const mine = await createAnnotation({ viewer: author, input: createInput(article, "Positions") });
    const first = await listed();
    expect(first).toEqual({ lastEventId: String(await latestSeq(poolQueryable)), annotations: [mine.annotation] });

    // A change elsewhere moves the log but not this article's version: the cached body, at the new position.
    const version = async () => (await db.articleAnnotationsVersion.findUniqueOrThrow({ where: { articleId: article.id } })).version;
    const versionBefore = await version();
    await createAnnotation({ viewer: author, input: createInput(other, "Somewhere") });
    expect(await version()).toBe(versionBefore);
    const second = await listed();
    expect(BigInt(second.lastEventId)).toBeGreaterThan(BigInt(first.lastEventId));
    expect(second).toEqual({ lastEventId: String(await latestSeq(poolQueryable)), annotations: first.annotations });
  });

  it("bumps an article's version once per transaction however many of its annotations change (raw SQL too), and again after a rolled-back savepoint", async () => {
    const first = await createTestArticle(["Alpha beta gamma delta."]);
    const second = await createTestArticle(["Epsilon zeta eta theta."]);
    for (const exact of ["Alpha", "beta", "gamma"]) await createAnnotation({ viewer: author, input: createInput(first, exact) });
    await createAnnotation({ viewer: author, input: createInput(second, "zeta") });
    const version = async (articleId: string) => (await db.articleAnnotationsVersion.findUniqueOrThrow({ where: { articleId } })).version;
    const [firstBefore, secondBefore] = [await version(first.id), await version(second.id)];

    await db.$transaction([
      db.$executeRaw`UPDATE annotations SET note = 'bulk' WHERE article_id = ${first.id}::uuid`,
      db.$executeRaw`UPDATE annotations SET color = 'green' WHERE article_id IN (${first.id}::uuid, ${second.id}::uuid)`,
      db.$executeRaw`DELETE FROM annotations WHERE article_id = ${second.id}::uuid`,
    ]);
    expect([await version(first.id), await version(second.id)]).toEqual([firstBefore + BigInt(1), secondBefore + BigInt(1)]);
    expect((await listArticleAnnotations({ viewer: author, slug: first.slug }))!.map((a) => [a.note, a.color])).toEqual([
      ["bulk", "green"],
      ["bulk", "green"],
      ["bulk", "green"],
    ]);

    // A bump undone with its savepoint is not counted as made: the change after it bumps again.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SAVEPOINT undone`;
      await tx.$executeRaw`UPDATE annotations SET note = 'undone' WHERE article_id = ${first.id}::uuid`;
      await tx.$executeRaw`SET CONSTRAINTS annotations_changed IMMEDIATE`;
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT undone`;
      await tx.$executeRaw`SET CONSTRAINTS annotations_changed DEFERRED`;
      await tx.$executeRaw`UPDATE annotations SET note = 'kept' WHERE article_id = ${first.id}::uuid`;
    });
    expect(await version(first.id)).toBe(firstBefore + BigInt(2));
    expect((await listArticleAnnotations({ viewer: author, slug: first.slug }))!.map((a) => a.note)).toEqual(["kept", "kept", "kept"]);
  });

  it("keeps concurrent creates on one article from blocking each other, and an annotated article deletable", async () => {
    const article = await createTestArticle(["one two three four five six seven eight nine ten eleven twelve"]);
    const words = article.text.split(" ");
    await listArticleAnnotations({ viewer: author, slug: article.slug });

    await Promise.all(words.map((word) => createAnnotation({ viewer: author, input: createInput(article, word) })));

    expect((await listArticleAnnotations({ viewer: author, slug: article.slug }))!.map((a) => a.quote.exact)).toEqual(words);
    expect((await db.articleAnnotationsVersion.findUniqueOrThrow({ where: { articleId: article.id } })).version).toBe(BigInt(words.length));

    await db.article.delete({ where: { id: article.id } });
    expect(await listArticleAnnotations({ viewer: author, slug: article.slug })).toBeNull();
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(0);
  });
});
