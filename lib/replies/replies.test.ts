import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestArticle, createTestUser, insertTestAnnotation } from "@/test-support/annotations";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { listArticleAnnotations } from "@/lib/annotations/list-article-annotations";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { db } from "@/lib/db";
import type { Visibility } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/api/errors";
import { ERROR_STATUS } from "@/lib/http/error-status";
import { deleteReply, updateReply } from "./change-reply";
import { createReply } from "./create-reply";
import { getReply, listReplies } from "./list-replies";

const author = await createTestUser("Ada Author");
const replier = await createTestUser("Rita Replier");
const stranger = await createTestUser("Sam Stranger");
const article = await createTestArticle(["Marginal notes are conversations across the centuries."]);

async function annotation(visibility: Visibility) {
  return insertTestAnnotation({ article, author, exact: "Marginal notes", visibility, note: "Look here" });
}

const post = (viewer: typeof author, annotationId: string, body = "An answer") =>
  createReply({ viewer, annotationId, input: { id: randomUUID(), body } });

async function status(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return ERROR_STATUS[error.code];
    throw error;
  }
}

describe("replies", () => {
  it("may be read and written by whoever sees a Link or Public annotation, oldest first", async () => {
    for (const visibility of ["link", "public"] as const) {
      const id = await annotation(visibility);
      const first = await post(replier, id, "First");
      const second = await post(stranger, id, "Second");
      expect(first.created).toBe(true);
      for (const viewer of [author, replier, stranger, null]) {
        expect((await listReplies({ viewer, annotationId: id }))?.map((r) => r.body)).toEqual(["First", "Second"]);
      }
      expect(await getReply({ viewer: null, id: second.reply.id })).toMatchObject({ body: "Second", author: { name: "Sam Stranger" }, isOwn: false });
    }
  });

  it("do not exist on a Private annotation for anyone, the author included, and come back when it is shared again", async () => {
    const id = await annotation("public");
    const { reply } = await post(replier, id);
    await updateAnnotation({ viewer: author, id, changes: { visibility: "private" } });
    for (const viewer of [author, replier, stranger, null]) {
      expect(await listReplies({ viewer, annotationId: id })).toBeNull();
      expect(await getReply({ viewer, id: reply.id })).toBeNull();
    }
    expect(await status(post(author, id))).toBe(404);
    expect(await status(updateReply({ viewer: replier, id: reply.id, changes: { body: "x" } }))).toBe(404);
    expect(await status(deleteReply({ viewer: replier, id: reply.id }))).toBe(404);
    expect((await getAnnotation({ viewer: author, id }))?.replyCount).toBe(0);

    await updateAnnotation({ viewer: author, id, changes: { visibility: "link" } });
    expect((await listReplies({ viewer: stranger, annotationId: id }))?.map((r) => r.id)).toEqual([reply.id]);
  });

  it("are changed by their author only, and deleted by their author or the annotation's author", async () => {
    const id = await annotation("public");
    const { reply } = await post(replier, id);
    expect(await status(updateReply({ viewer: author, id: reply.id, changes: { body: "hijacked" } }))).toBe(404);
    expect(await status(updateReply({ viewer: stranger, id: reply.id, changes: { body: "hijacked" } }))).toBe(404);
    expect(await status(deleteReply({ viewer: stranger, id: reply.id }))).toBe(404);
    expect((await updateReply({ viewer: replier, id: reply.id, changes: { body: "Edited" } })).body).toBe("Edited");

    const [asAuthor] = (await listReplies({ viewer: author, annotationId: id }))!;
    expect(asAuthor).toMatchObject({ isOwn: false, canDelete: true });
    const [asStranger] = (await listReplies({ viewer: stranger, annotationId: id }))!;
    expect(asStranger).toMatchObject({ isOwn: false, canDelete: false });

    await deleteReply({ viewer: author, id: reply.id });
    expect(await db.reply.count({ where: { id: reply.id } })).toBe(0);
    const own = await post(replier, id);
    await deleteReply({ viewer: replier, id: own.reply.id });
    expect(await db.reply.count({ where: { annotationId: id } })).toBe(0);
  });

  it("are idempotent on the client's id: a retry is one reply, a clash a 409, someone else's id a 404", async () => {
    const id = await annotation("public");
    const input = { id: randomUUID(), body: "Once" };
    const first = await createReply({ viewer: replier, annotationId: id, input });
    const retry = await createReply({ viewer: replier, annotationId: id, input });
    expect(retry).toEqual({ reply: first.reply, created: false });
    expect(await status(createReply({ viewer: replier, annotationId: id, input: { ...input, body: "Twice" } }))).toBe(409);
    expect(await status(createReply({ viewer: stranger, annotationId: id, input }))).toBe(404);
    expect(await db.reply.count({ where: { annotationId: id } })).toBe(1);
  });

  it("are counted on the annotation list, which is never served stale, and go with their annotation", async () => {
    const id = await annotation("public");
    const listed = async () => (await listArticleAnnotations({ viewer: stranger, slug: article.slug }))?.find((a) => a.id === id)?.replyCount;
    expect(await listed()).toBe(0);
    const { reply } = await post(replier, id);
    expect(await listed()).toBe(1);
    expect((await getAnnotation({ viewer: stranger, id }))?.replyCount).toBe(1);
    await db.reply.update({ where: { id: reply.id }, data: { body: "changed in SQL" } });
    await post(stranger, id);
    expect(await listed()).toBe(2);
    await db.reply.delete({ where: { id: reply.id } });
    expect(await listed()).toBe(1);

    await deleteAnnotation({ viewer: author, id });
    expect(await db.reply.count({ where: { annotationId: id } })).toBe(0);
  });

  it("answer ids that are not UUIDs as not found", async () => {
    expect(await listReplies({ viewer: author, annotationId: "not-a-uuid" })).toBeNull();
    expect(await getReply({ viewer: author, id: "1 OR 1=1" })).toBeNull();
    expect(await status(deleteReply({ viewer: author, id: "nope" }))).toBe(404);
  });
});
