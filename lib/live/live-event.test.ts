import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import type { ChangeEntry } from "./change-log";
import { liveEventFor, type StreamAudience } from "./live-event";

const AUTHOR = "7c1e7a52-2b7f-4d8e-9a43-5f7f0c3a9b10";
const OTHER = "0b9d3c2e-4a5f-4b6c-8d7e-9f0a1b2c3d4e";
const NOTE = "11111111-2222-4333-8444-555555555555";
const REPLY = "66666666-7777-4888-8999-aaaaaaaaaaaa";

const viewer = (id: string): Viewer => ({ id, name: "x", email: "x@example.test" });
const audience = (who: Viewer | null, heldLinks: string[] = []): StreamAudience => ({ viewer: who, heldLinks: new Set(heldLinks) });

function entry(subject: ChangeEntry["subject"], op: ChangeEntry["op"], before: ChangeEntry["visibilityBefore"], after: ChangeEntry["visibilityAfter"]): ChangeEntry {
  return {
    seq: BigInt(1),
    articleId: "a",
    articleSlug: "s",
    subject,
    op,
    annotationId: NOTE,
    replyId: subject === "reply" ? REPLY : null,
    annotationAuthorId: AUTHOR,
    visibilityBefore: before,
    visibilityAfter: after,
  };
}

describe("liveEventFor", () => {
  it("tells the author of every change to their own annotations", () => {
    expect(liveEventFor(entry("annotation", "insert", null, "private"), audience(viewer(AUTHOR)))).toEqual({ kind: "annotation", annotationId: NOTE });
    expect(liveEventFor(entry("annotation", "delete", "private", null), audience(viewer(AUTHOR)))).toEqual({ kind: "annotation-removed", annotationId: NOTE });
  });

  it("tells others only of public annotations, and of one going private as a removal", () => {
    for (const who of [viewer(OTHER), null]) {
      expect(liveEventFor(entry("annotation", "insert", null, "private"), audience(who))).toBeNull();
      expect(liveEventFor(entry("annotation", "update", "private", "link"), audience(who))).toBeNull();
      expect(liveEventFor(entry("annotation", "update", "private", "public"), audience(who))).toEqual({ kind: "annotation", annotationId: NOTE });
      expect(liveEventFor(entry("annotation", "update", "public", "private"), audience(who))).toEqual({ kind: "annotation-removed", annotationId: NOTE });
      expect(liveEventFor(entry("annotation", "delete", "public", null), audience(who))).toEqual({ kind: "annotation-removed", annotationId: NOTE });
      expect(liveEventFor(entry("annotation", "update", "private", "private"), audience(who))).toBeNull();
    }
  });

  it("tells a holder of a Link annotation's link about it, and nobody else", () => {
    expect(liveEventFor(entry("annotation", "update", "link", "link"), audience(viewer(OTHER), [NOTE]))).toEqual({ kind: "annotation", annotationId: NOTE });
    expect(liveEventFor(entry("annotation", "update", "link", "private"), audience(null, [NOTE]))).toEqual({ kind: "annotation-removed", annotationId: NOTE });
    expect(liveEventFor(entry("reply", "insert", "link", "link"), audience(null, [NOTE]))).toEqual({ kind: "reply", op: "insert", annotationId: NOTE, replyId: REPLY });
    expect(liveEventFor(entry("reply", "insert", "link", "link"), audience(viewer(OTHER)))).toBeNull();
    // Holding a link to a Private annotation gives nothing.
    expect(liveEventFor(entry("annotation", "update", "private", "private"), audience(viewer(OTHER), [NOTE]))).toBeNull();
  });

  it("never tells anyone of replies on a Private annotation, its author included", () => {
    expect(liveEventFor(entry("reply", "delete", "private", "private"), audience(viewer(AUTHOR)))).toBeNull();
    expect(liveEventFor(entry("reply", "insert", "public", "public"), audience(null))).toEqual({ kind: "reply", op: "insert", annotationId: NOTE, replyId: REPLY });
  });

  it("treats a viewer whose id is not a UUID as signed out", () => {
    expect(liveEventFor(entry("annotation", "insert", null, "private"), audience(viewer("")))).toBeNull();
  });
});
