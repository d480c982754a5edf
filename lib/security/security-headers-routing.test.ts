import { createRequire } from "node:module";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
// Next's own readers of a proxy matcher and of a headers() source, so the test sees what the server matches.
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { tryToParsePath } from "next/dist/lib/try-to-parse-path";
import { config as proxyConfig } from "@/proxy";
import { isPerRequestPagePath } from "./content-security-policy";

// next.config.js is CommonJS, as Next loads it.
const nextConfig = createRequire(import.meta.url)("../../next.config.js") as NextConfig;

const PATHS = [
  "/",
  "/about",
  "/articles/marginalia",
  "/articles/no-such-article",
  "/notebook",
  "/api/health",
  "/api/annotations/8b0f1d1e-0000-4000-8000-000000000000",
  "/sign-in",
  "/sign-up",
  "/account",
  "/n/8b0f1d1e-0000-4000-8000-000000000000",
  "/n/8b0f1d1e-0000-4000-8000-000000000000/card.png",
  "/sign-in-help",
  "/articles/%C0%AF",
  "/%ED%A0%80",
  "/n/%",
];

// Exported by the module, though not declared in its types.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matchers: string[], config: object) => { regexp: string }[] };
const proxyMatchers = getMiddlewareMatchers(proxyConfig.matcher, {}).map((matcher) => new RegExp(matcher.regexp));
const runsProxy = (path: string) => proxyMatchers.some((matcher) => matcher.test(path));

async function constantPolicySources(): Promise<RegExp[]> {
  const rules = (await nextConfig.headers!()).filter((rule) => rule.headers.some((header) => header.key === "Content-Security-Policy"));
  return rules.map((rule) => new RegExp(tryToParsePath(rule.source).regexStr!));
}

describe("which requests get which security headers", () => {
  it("runs the proxy exactly on the pages rendered per request and on paths with percent-encoding", () => {
    for (const path of PATHS) expect(runsProxy(path), path).toBe(isPerRequestPagePath(path) || path.includes("%"));
  });

  it("gives every other path the constant policy from next.config, and the per-request pages none of it", async () => {
    const sources = await constantPolicySources();
    for (const path of PATHS) expect(sources.some((source) => source.test(path)), path).toBe(!isPerRequestPagePath(path));
  });
});
