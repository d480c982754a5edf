import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Visibility } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/api/errors";
import { annotationEditableBy, annotationListedToSql, annotationVisibleTo } from "./annotation-access";
import { createTestArticle, createTestUser, insertTestAnnotation } from "@/test-support/annotations";
import { deleteAnnotation } from "./delete-annotation";
import { getAnnotation } from "./get-annotation";
import { listArticleAnnotations } from "./list-article-annotations";
import { updateAnnotation } from "./update-annotation";

const article = await createTestArticle(["One private thought, one linked aside and one public remark share this text."]);
const author = await createTestUser("Ada Author");
const reader = await createTestUser("Rita Reader");
const ids: Record<Visibility, string> = {
  private: await insertTestAnnotation({ article, author, exact: "private thought", visibility: "private" }),
  link: await insertTestAnnotation({ article, author, exact: "linked aside", visibility: "link" }),
  public: await insertTestAnnotation({ article, author, exact: "public remark", visibility: "public" }),
};

type Who = "signed out" | "another reader" | "the author";
const viewers: Record<Who, Viewer | null> = { "signed out": null, "another reader": reader, "the author": author };

// Who may do what, per visibility: the whole policy in one table.
const allowed: Record<"get" | "list" | "edit", Record<Who, Visibility[]>> = {
  get: { "signed out": ["link", "public"], "another reader": ["link", "public"], "the author": ["private", "link", "public"] },
  list: { "signed out": ["public"], "another reader": ["public"], "the author": ["private", "link", "public"] },
  edit: { "signed out": [], "another reader": [], "the author": ["private", "link", "public"] },
};

const cells = (Object.keys(viewers) as Who[]).flatMap((who) =>
  (Object.keys(ids) as Visibility[]).map((visibility) => ({ who, visibility })),
);

describe("reading one annotation", () => {
  it.each(cells)("$who × $visibility", async ({ who, visibility }) => {
    const annotation = getAnnotation({ viewer: viewers[who], id: ids[visibility] });
    if (allowed.get[who].includes(visibility)) {
      await expect(annotation).resolves.toMatchObject({ id: ids[visibility], visibility, isOwn: who === "the author" });
    } else {
      await expect(annotation).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("treats an id that is not a UUID as not found", async () => {
    await expect(getAnnotation({ viewer: author, id: "not-a-uuid'; DROP TABLE annotations; --" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listing an article's annotations", () => {
  it.each(Object.keys(viewers) as Who[])("%s sees exactly the allowed ones, in reading order", async (who) => {
    const listed = await listArticleAnnotations({ viewer: viewers[who], slug: article.slug });
    const expected = (["private", "link", "public"] as const).filter((v) => allowed.list[who].includes(v));
    expect(listed?.map((a) => a.visibility)).toEqual(expected);
  });
});

describe("changing and deleting", () => {
  const editors = cells.filter(({ who }) => who !== "signed out") as { who: Exclude<Who, "signed out">; visibility: Visibility }[];

  it.each(editors)("$who × $visibility: update", async ({ who, visibility }) => {
    const viewer = viewers[who] as Viewer;
    const attempt = updateAnnotation({ viewer, id: ids[visibility], changes: { note: `note by ${who}` } });
    if (allowed.edit[who].includes(visibility)) {
      await expect(attempt).resolves.toMatchObject({ note: `note by ${who}`, visibility });
    } else {
      await expect(attempt).rejects.toMatchObject({ code: "not_found" });
      expect(await db.annotation.findUniqueOrThrow({ where: { id: ids[visibility] } })).not.toMatchObject({ note: `note by ${who}` });
    }
  });

  it("lets nobody but the author delete, and the author exactly once", async () => {
    const id = await insertTestAnnotation({ article, author, exact: "share this text", visibility: "public" });
    await expect(deleteAnnotation({ viewer: reader, id })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.annotation.count({ where: { id } })).toBe(1);

    await deleteAnnotation({ viewer: author, id });
    expect(await db.annotation.count({ where: { id } })).toBe(0);
    await expect(deleteAnnotation({ viewer: author, id })).rejects.toBeInstanceOf(AppError);
  });
});

describe("failing closed on a malformed viewer", () => {
  const broken: Viewer[] = [
    { id: "", name: "Empty", email: "empty@example.test" },
    { id: undefined as unknown as string, name: "Missing", email: "missing@example.test" },
    { id: "not-a-uuid", name: "Bogus", email: "bogus@example.test" },
  ];

  it.each(broken)("a viewer with id $id reads like a signed-out one and may change nothing", async (viewer) => {
    expect(annotationVisibleTo(viewer)).toEqual(annotationVisibleTo(null));
    expect(annotationListedToSql(viewer)).toEqual(annotationListedToSql(null));
    expect(await db.annotation.count({ where: { AND: [{ articleId: article.id }, annotationEditableBy(viewer)] } })).toBe(0);
    await expect(updateAnnotation({ viewer, id: ids.private, changes: { color: "pink" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteAnnotation({ viewer, id: ids.link })).rejects.toMatchObject({ code: "not_found" });
    await expect(getAnnotation({ viewer, id: ids.private })).rejects.toMatchObject({ code: "not_found" });
  });
});
