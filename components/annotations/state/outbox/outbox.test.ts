import { afterEach, describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/api/annotations";
import { Outbox } from "./outbox";
import type { OutboxEntry } from "./outbox-entry";
import { MemoryOutboxStorage } from "./outbox-storage";
import { registerOperationKind } from "./operation-kinds";

/** A stand-in server for one annotation: versions count up; a write on an older version is a conflict. */
interface TagPayload {
  tags: string[];
  baseVersion: number;
}

const server = { version: 1, tags: [] as string[], received: [] as TagPayload[] };
const copy = (): AnnotationDto => ({ id: "a1", version: server.version, tags: server.tags }) as unknown as AnnotationDto;

registerOperationKind<TagPayload>("test-tags", {
  send: async (entry) => {
    server.received.push(entry.payload);
    if (entry.payload.baseVersion !== server.version) return { kind: "conflict", annotation: copy() };
    server.version++;
    server.tags = entry.payload.tags;
    return { kind: "saved", annotation: copy() };
  },
  rebase: (entry, saved) => ({ ...entry, payload: { ...entry.payload, baseVersion: saved.version } }),
  baseVersion: (entry) => entry.payload.baseVersion,
});

const write = (tags: string[], baseVersion: number) => ({ kind: "test-tags", annotationId: "a1", articleSlug: "essay", payload: { tags, baseVersion } });

function outcomes(outbox: Outbox) {
  const seen: Array<OutboxEntry & { outcome: string }> = [];
  outbox.onOutcome((entry, outcome) => seen.push({ ...entry, outcome: outcome.kind }));
  return { seen, count: (n: number) => expect.poll(() => seen.length).toBe(n) };
}

describe("the outbox", () => {
  afterEach(() => Object.assign(server, { version: 1, tags: [], received: [] }));

  it("sends a write stored just after this browser's own earlier write was saved on top of that save, not as a conflict", async () => {
    const outbox = new Outbox(new MemoryOutboxStorage(), "reader");
    const { seen, count } = outcomes(outbox);
    // A first tag, saved as version 2.
    await outbox.enqueue(write(["margins"], 1));
    await count(1);
    // The second tag, made while the page still showed version 1 (with the first tag on it as a waiting write).
    await outbox.enqueue(write(["margins", "to cite"], 1));
    await count(2);
    expect(seen.map((entry) => entry.outcome)).toEqual(["saved", "saved"]);
    expect(server.received.map((payload) => payload.baseVersion)).toEqual([1, 2]);
    expect(server.tags).toEqual(["margins", "to cite"]);
  });

  it("still refuses a write made on a version that someone else's write replaced", async () => {
    const outbox = new Outbox(new MemoryOutboxStorage(), "reader");
    const { seen, count } = outcomes(outbox);
    await outbox.enqueue(write(["margins"], 1));
    await count(1);
    // Another device saves version 3; a write made on version 2 (this browser's save) is now out of date.
    Object.assign(server, { version: 3, tags: ["theirs"] });
    await outbox.enqueue(write(["margins", "to cite"], 2));
    await count(2);
    expect(seen.map((entry) => entry.outcome)).toEqual(["saved", "conflict"]);
    expect(server.tags).toEqual(["theirs"]);
  });
});
