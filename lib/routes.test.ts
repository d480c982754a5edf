import { describe, expect, it } from "vitest";
import { callbackPathFrom, isAcceptableCallbackUrl, safeCallbackPath, signInPath, withCallback } from "./routes";

describe("safeCallbackPath", () => {
  it.each([
    ["/articles/syria-joins-us-led-coalition", "/articles/syria-joins-us-led-coalition"],
    ["/articles/a?note=1#annotation-2", "/articles/a?note=1#annotation-2"],
    ["/", "/"],
    ["/a/../b", "/b"],
  ])("keeps the path %s inside Gloss", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([
    ["https://evil.example/"],
    ["http://evil.example/articles/a"],
    ["//evil.example"],
    ["///evil.example"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["data:text/html,hi"],
    ["articles/a"],
    [" /articles/a"],
    [""],
    [null],
    [undefined],
  ])("sends %j home instead", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("never returns to the sign-in or sign-up page itself", () => {
    expect(safeCallbackPath("/sign-in?callbackUrl=/x")).toBe("/");
    expect(safeCallbackPath("/sign-up")).toBe("/");
  });

  it("accepts an absolute URL only on the given origin", () => {
    expect(safeCallbackPath("http://localhost:3000/articles/a?x=1", "http://localhost:3000")).toBe("/articles/a?x=1");
    expect(safeCallbackPath("http://localhost:3001/articles/a", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("https://localhost:3000/articles/a", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("https://evil.example/", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("http://localhost:3000//evil.example", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("javascript:alert(1)", "http://localhost:3000")).toBe("/");
  });
});

describe("sign-in links", () => {
  it("carry the return path, encoded", () => {
    expect(signInPath("/articles/a?x=1#n")).toBe("/sign-in?callbackUrl=%2Farticles%2Fa%3Fx%3D1%23n");
    expect(withCallback("/sign-up", "/articles/a")).toBe("/sign-up?callbackUrl=%2Farticles%2Fa");
  });

  it("leave out a return path that is home or unsafe", () => {
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("https://evil.example/")).toBe("/sign-in");
  });

  it("read callbackUrl from search params, ignoring repeated or unsafe values", () => {
    expect(callbackPathFrom({ callbackUrl: "/articles/a" })).toBe("/articles/a");
    expect(callbackPathFrom({ callbackUrl: ["/articles/a", "/articles/b"] })).toBe("/");
    expect(callbackPathFrom({ callbackUrl: "//evil.example" })).toBe("/");
    expect(callbackPathFrom({})).toBe("/");
  });
});

describe("isAcceptableCallbackUrl", () => {
  it("accepts what next-auth would, and nothing with control characters", () => {
    for (const ok of [null, "/about", "http://localhost:3000/x", "https://gloss.example/"]) expect(isAcceptableCallbackUrl(ok), String(ok)).toBe(true);
    for (const bad of ["x\n[gloss] forged", "x", "javascript:alert(1)", "/a\r\nb"]) expect(isAcceptableCallbackUrl(bad), bad).toBe(false);
  });
});
