import { describe, expect, it } from "vitest";
import { LiveSessionMemo } from "./live-session-memo";

const reader = { name: "Ada", email: "ada@example.com" };
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe("LiveSessionMemo", () => {
  it("remembers only while listening, and forgets everything when listening stops", () => {
    const memo = new LiveSessionMemo();
    memo.remember(memo.readMark, "s1", "u1", reader, inAnHour());
    expect(memo.find("s1", "u1")).toBeUndefined();

    memo.setListening(true);
    memo.remember(memo.readMark, "s1", "u1", reader, inAnHour());
    expect(memo.find("s1", "u1")).toEqual(reader);
    expect(memo.find("s1", "u2"), "another user's id with the same session").toBeUndefined();
    memo.setListening(false);
    expect(memo.find("s1", "u1")).toBeUndefined();
  });

  it("does not remember a read that a notification overtook", () => {
    const memo = new LiveSessionMemo();
    memo.setListening(true);
    const mark = memo.readMark;
    memo.forget("someone-else");
    memo.remember(mark, "s1", "u1", reader, inAnHour());
    expect(memo.find("s1", "u1")).toBeUndefined();
  });

  it("forgets a user's sessions, or everyone's, and never answers past a session's expiry", () => {
    const memo = new LiveSessionMemo();
    memo.setListening(true);
    memo.remember(memo.readMark, "s1", "u1", reader, inAnHour());
    memo.remember(memo.readMark, "s2", "u1", reader, inAnHour());
    memo.remember(memo.readMark, "s3", "u2", reader, inAnHour());
    memo.forget("u1");
    expect([memo.find("s1", "u1"), memo.find("s2", "u1"), memo.find("s3", "u2")]).toEqual([undefined, undefined, reader]);
    memo.forget("*");
    expect(memo.find("s3", "u2")).toBeUndefined();

    memo.remember(memo.readMark, "s4", "u3", reader, new Date(Date.now() - 1));
    expect(memo.find("s4", "u3")).toBeUndefined();
  });
});
