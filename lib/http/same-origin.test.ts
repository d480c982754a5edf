import { describe, expect, it } from "vitest";
import { hasMalformedPercentEncoding } from "./malformed-path";
import { isCrossSiteWrite } from "./same-origin";

const write = (headers: Record<string, string>, method = "POST") =>
  new Request("http://localhost:3000/api/annotations", { method, headers: { host: "127.0.0.1:3000", ...headers } });

describe("isCrossSiteWrite", () => {
  it("refuses writes from another site's pages", () => {
    expect(isCrossSiteWrite(write({ origin: "http://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(write({ origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(write({ "sec-fetch-site": "cross-site" }, "DELETE"))).toBe(true);
    expect(isCrossSiteWrite(write({ "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" }))).toBe(true);
  });

  it("lets through the reader's own pages, on the host they use, and clients that are no browser", () => {
    expect(isCrossSiteWrite(write({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite(write({}))).toBe(false);
    expect(isCrossSiteWrite(write({ origin: "http://evil.example" }, "GET"))).toBe(false);
  });
});

describe("hasMalformedPercentEncoding", () => {
  it("finds paths that cannot be decoded", () => {
    for (const path of ["/api/annotations/%ED%A0%80", "/%C0%AF", "/n/%", "/articles/%E0%A4%A"]) expect(hasMalformedPercentEncoding(path), path).toBe(true);
    for (const path of ["/", "/articles/hawashi", "/n/%20x", "/%E2%9C%93"]) expect(hasMalformedPercentEncoding(path), path).toBe(false);
  });
});
