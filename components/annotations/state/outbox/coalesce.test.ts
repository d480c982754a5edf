import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/api/annotations";
import { coalesce } from "./coalesce";
import type { CreatePayload, OutboxEntry, UpdatePayload } from "./outbox-entry";

const preview = { id: "a", note: null, color: "yellow", visibility: "private", version: 1 } as unknown as AnnotationDto;
let seq = 0;

function entry(kind: string, payload: unknown, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return { seq: ++seq, kind, annotationId: "a", articleSlug: "s", userId: "u", payload, createdAt: 0, attempts: 0, ...overrides };
}

const create = (overrides: Partial<OutboxEntry> = {}) =>
  entry(
    "create",
    {
      input: { id: "a", articleSlug: "s", color: "yellow", note: null, quote: { exact: "x", prefix: "", suffix: "" }, position: { start: 0, end: 1 } },
      preview,
    } satisfies CreatePayload,
    overrides,
  );
const update = (payload: UpdatePayload, overrides: Partial<OutboxEntry> = {}) => entry("update", payload, overrides);
const remove = () => entry("delete", {});

describe("coalesce", () => {
  it("folds a note and colour into a create not sent yet", () => {
    const waiting = create();
    const result = coalesce([waiting], update({ note: "hello", color: "blue", baseVersion: 1 }));
    expect(result.add).toBeNull();
    const rewritten = result.rewrite[0]!.payload as CreatePayload;
    expect(rewritten.input).toMatchObject({ note: "hello", color: "blue" });
    expect(rewritten.preview).toMatchObject({ note: "hello", color: "blue" });
  });

  it("keeps a change of visibility as an edit of its own, since a create cannot carry it", () => {
    const result = coalesce([create()], update({ visibility: "public", note: "n", baseVersion: 1 }));
    expect(result.add?.payload).toEqual({ visibility: "public" });
    expect((result.rewrite[0]!.payload as CreatePayload).input.note).toBe("n");
  });

  it("keeps tags as an edit of their own too: a create that swallowed them would lose them", () => {
    const result = coalesce([create()], update({ tags: ["margins"], baseVersion: 1 }));
    expect(result.add?.payload).toEqual({ tags: ["margins"] });
  });

  it("leaves a create that has started sending alone: it may be on the server already", () => {
    const sending = create({ attempts: 1 });
    const next = update({ note: "later", baseVersion: 1 });
    expect(coalesce([sending], next)).toEqual({ drop: [], rewrite: [], add: next });
  });

  it("merges edits, the later value of each field winning and the earlier base version kept", () => {
    const first = update({ note: "one", color: "green", baseVersion: 3 });
    const result = coalesce([first], update({ note: "two", baseVersion: 4 }));
    expect(result.add).toBeNull();
    expect(result.rewrite[0]!.payload).toEqual({ note: "two", color: "green", baseVersion: 3 });
  });

  it("drops everything when an annotation never sent is deleted, the delete too", () => {
    const waiting = [create(), update({ visibility: "link" })];
    const result = coalesce(waiting, remove());
    expect(result.add).toBeNull();
    expect(result.drop).toEqual(waiting.map((w) => w.seq));
  });

  it("still sends the delete when the create may have reached the server", () => {
    const sent = create({ attempts: 2 });
    const edit = update({ note: "x" });
    const next = remove();
    const result = coalesce([sent, edit], next);
    expect(result.drop).toEqual([edit.seq]);
    expect(result.add).toBe(next);
  });

  it("drops writes the server refused when the annotation is deleted", () => {
    const refused = update({ note: "too long" }, { attempts: 1, failure: "too long" });
    const result = coalesce([refused], remove());
    expect(result.drop).toEqual([refused.seq]);
    expect(result.add).not.toBeNull();
  });

  it("queues writes of other kinds, and of other annotations, untouched", () => {
    const tag = entry("tag", { name: "later" });
    expect(coalesce([create()], tag).add).toBe(tag);
    const other = update({ note: "elsewhere" }, { annotationId: "b" });
    expect(coalesce([create()], other)).toEqual({ drop: [], rewrite: [], add: other });
  });
});
