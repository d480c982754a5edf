import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateAnnotationSchema } from "@/lib/api/annotations";
import { createInput, createTestArticle, createTestUser, rejection } from "@/test-support/annotations";
import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { updateAnnotation } from "./update-annotation";

const article = await createTestArticle(["A reader leaves a note in the margin; another reader answers it years later."]);
const author = await createTestUser("Ada Author");
const other = await createTestUser("Otto Other");

async function annotate(exact: string) {
  return (await createAnnotation({ viewer: author, input: createInput(article, exact) })).annotation;
}

const changes = (input: unknown) => updateAnnotationSchema.parse(input);

describe("updateAnnotation with versions", () => {
  it("starts at version 1 and bumps it on every change", async () => {
    const created = await annotate("A reader");
    expect(created.version).toBe(1);
    const first = await updateAnnotation({ viewer: author, id: created.id, changes: changes({ note: "one", baseVersion: 1 }) });
    expect(first).toMatchObject({ note: "one", version: 2 });
    const second = await updateAnnotation({ viewer: author, id: created.id, changes: changes({ color: "blue" }) });
    expect(second).toMatchObject({ note: "one", color: "blue", version: 3 });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } })).toEqual({ version: 3 });
  });

  it("refuses a change made on a stale version with 409 and the current annotation, changing nothing", async () => {
    const created = await annotate("leaves a note");
    const newer = await updateAnnotation({ viewer: author, id: created.id, changes: changes({ note: "from tab A", baseVersion: 1 }) });
    const error = await rejection(updateAnnotation({ viewer: author, id: created.id, changes: changes({ note: "from tab B", baseVersion: 1 }) }));
    expect(error.code).toBe("version_conflict");
    expect(error.code).toBe("version_conflict");
    expect(error.details).toEqual({ annotation: newer });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: created.id }, select: { note: true, version: true } })).toEqual({
      note: "from tab A",
      version: 2,
    });
  });

  it("answers a resent change that is already in place with the annotation, not a conflict", async () => {
    const created = await annotate("in the margin");
    const saved = await updateAnnotation({ viewer: author, id: created.id, changes: changes({ note: "once", baseVersion: 1 }) });
    const again = await updateAnnotation({ viewer: author, id: created.id, changes: changes({ note: "once", baseVersion: 1 }) });
    expect(again).toEqual(saved);
    expect(again.version).toBe(2);
  });

  it("keeps another reader's annotation a 404 whatever the version", async () => {
    const created = await annotate("another reader");
    const error = await rejection(updateAnnotation({ viewer: other, id: created.id, changes: changes({ note: "mine now", baseVersion: 1 }) }));
    expect(error.code).toBe("not_found");
  });

  it("lets a delete be sent again: the second answers 404, which the client counts as done", async () => {
    const created = await annotate("answers it");
    await deleteAnnotation({ viewer: author, id: created.id });
    expect((await rejection(deleteAnnotation({ viewer: author, id: created.id }))).code).toBe("not_found");
    expect(await db.annotation.count({ where: { id: created.id } })).toBe(0);
  });

  it("keeps a create that arrived before the delete from bringing the annotation back, but lets Undo recreate it", async () => {
    const input = createInput(article, "years later");
    // The twin arrived a moment before the first create was sent. (The server dates an arrival by subtracting
    // the time in flight from its statement's start, which can put it up to a round trip late: a twin dated to
    // the very instant before a create and delete that both take less than that would count as after them.)
    const lostTwinArrived = performance.now() - 50;
    await createAnnotation({ viewer: author, input });
    await deleteAnnotation({ viewer: author, id: input.id });
    // The twin of the first create, still on its way, reaches the database only now.
    expect((await rejection(createAnnotation({ viewer: author, input, receivedAt: lostTwinArrived }))).code).toBe("not_found");
    expect(await db.annotation.count({ where: { id: input.id } })).toBe(0);
    // Undo: a create sent after the delete.
    const { created } = await createAnnotation({ viewer: author, input });
    expect(created).toBe(true);
    expect(await db.annotation.count({ where: { id: input.id } })).toBe(1);
  });

  it("validates baseVersion at the boundary", () => {
    expect(updateAnnotationSchema.safeParse({ note: "x", baseVersion: 0 }).success).toBe(false);
    expect(updateAnnotationSchema.safeParse({ note: "x", baseVersion: 1.5 }).success).toBe(false);
    expect(updateAnnotationSchema.safeParse({ baseVersion: 3 }).success).toBe(false);
  });
});
