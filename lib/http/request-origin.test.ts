import { describe, expect, it } from "vitest";
import { onRequestOrigin, requestOrigin } from "./request-origin";

const request = (url: string, headers: Record<string, string>) => ({ url, headers: new Headers(headers) });

describe("requestOrigin", () => {
  it("is the host the browser connected to, with its scheme", () => {
    expect(requestOrigin(request("http://localhost:3000/x", { host: "127.0.0.1:3000" }), false)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(request("http://localhost:3000/x", { host: "gloss.example", "x-forwarded-proto": "https" }), false)).toBe("https://gloss.example");
  });

  it("takes X-Forwarded-Host only from a trusted proxy", () => {
    const forwarded = request("http://10.0.0.5:3000/x", { host: "10.0.0.5:3000", "x-forwarded-host": "gloss.example" });
    expect(requestOrigin(forwarded, false)).toBe("http://10.0.0.5:3000");
    expect(requestOrigin(forwarded, true)).toBe("http://gloss.example");
  });
});

describe("onRequestOrigin", () => {
  it("moves a URL on the configured origin onto the request's, and leaves any other alone", () => {
    expect(onRequestOrigin("http://localhost:3000/sign-in?x=1#y", "http://127.0.0.1:3000", "http://localhost:3000")).toBe("http://127.0.0.1:3000/sign-in?x=1#y");
    expect(onRequestOrigin("https://elsewhere.example/", "http://127.0.0.1:3000", "http://localhost:3000")).toBe("https://elsewhere.example/");
    expect(onRequestOrigin("/relative", "http://127.0.0.1:3000", "http://localhost:3000")).toBe("/relative");
    expect(onRequestOrigin("http://localhost:3000/", "http://localhost:3000", "http://localhost:3000")).toBe("http://localhost:3000/");
  });
});
