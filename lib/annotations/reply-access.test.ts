import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma, Visibility } from "@/lib/generated/prisma/client";
import { createTestArticle, createTestUser, insertTestAnnotation } from "@/test-support/annotations";
import { replyDeletableBy, replyEditableBy, replyPermissions, replyVisibleTo } from "./reply-access";

const article = await createTestArticle(["One private thought, one linked aside and one public remark share this text."]);
const author = await createTestUser("Ada Author");
const replier = await createTestUser("Rita Replier");
const stranger = await createTestUser("Sam Stranger");

/** A reply by `replier` on an annotation of `author` with this visibility (written straight to the table). */
async function replyOn(visibility: Visibility): Promise<string> {
  const exact = { private: "private thought", link: "linked aside", public: "public remark" }[visibility];
  const annotationId = await insertTestAnnotation({ article, author, exact, visibility });
  const reply = await db.reply.create({ data: { id: randomUUID(), annotationId, authorId: replier.id, body: "An answer" } });
  return reply.id;
}

const replies: Record<Visibility, string> = { private: await replyOn("private"), link: await replyOn("link"), public: await replyOn("public") };

type Who = "signed out" | "the annotation's author" | "the reply's author" | "a stranger";
const viewers: Record<Who, Viewer | null> = { "signed out": null, "the annotation's author": author, "the reply's author": replier, "a stranger": stranger };

// The whole policy in one table: who may do what with a reply, per visibility of its annotation.
const allowed: Record<"read" | "edit" | "delete", Record<Who, Visibility[]>> = {
  read: { "signed out": ["link", "public"], "the annotation's author": ["link", "public"], "the reply's author": ["link", "public"], "a stranger": ["link", "public"] },
  edit: { "signed out": [], "the annotation's author": [], "the reply's author": ["link", "public"], "a stranger": [] },
  delete: { "signed out": [], "the annotation's author": ["link", "public"], "the reply's author": ["link", "public"], "a stranger": [] },
};

async function matching(where: Prisma.ReplyWhereInput) {
  const rows = await db.reply.findMany({ where: { AND: [where, { id: { in: Object.values(replies) } }] }, select: { id: true } });
  return (Object.keys(replies) as Visibility[]).filter((visibility) => rows.some((row) => row.id === replies[visibility]));
}

describe("reply access", () => {
  for (const who of Object.keys(viewers) as Who[]) {
    it(`${who}: reads, edits and deletes exactly what the policy allows`, async () => {
      const viewer = viewers[who];
      expect(await matching(replyVisibleTo(viewer))).toEqual(allowed.read[who]);
      if (viewer) {
        expect(await matching(replyEditableBy(viewer))).toEqual(allowed.edit[who]);
        expect(await matching(replyDeletableBy(viewer))).toEqual(allowed.delete[who]);
      }
    });
  }

  it("fails closed for a viewer whose id is not a UUID", async () => {
    for (const id of ["", "not-a-uuid", `${replier.id} OR 1=1`]) {
      const viewer = { ...replier, id };
      expect(await matching(replyEditableBy(viewer))).toEqual([]);
      expect(await matching(replyDeletableBy(viewer))).toEqual([]);
      expect(replyPermissions(viewer, { authorId: replier.id, annotationAuthorId: replier.id })).toEqual({ isOwn: false, canDelete: false });
    }
  });

  it("says in the DTO what the where builders allow", () => {
    expect(replyPermissions(replier, { authorId: replier.id, annotationAuthorId: author.id })).toEqual({ isOwn: true, canDelete: true });
    expect(replyPermissions(author, { authorId: replier.id, annotationAuthorId: author.id })).toEqual({ isOwn: false, canDelete: true });
    expect(replyPermissions(stranger, { authorId: replier.id, annotationAuthorId: author.id })).toEqual({ isOwn: false, canDelete: false });
    expect(replyPermissions(null, { authorId: replier.id, annotationAuthorId: author.id })).toEqual({ isOwn: false, canDelete: false });
  });
});
