import { describe, expect, it } from "vitest";
import { prefersJsonLd } from "./prefers-json-ld";

const withAccept = (accept?: string) => new Request("http://localhost/api/annotations/x", { headers: accept ? { accept } : {} });

describe("prefersJsonLd", () => {
  it.each([
    ["application/ld+json", true],
    ['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', true],
    ["application/ld+json, application/json;q=0.9", true],
    ["application/json, application/ld+json", true],
    ["application/json", false],
    ["application/json, application/ld+json;q=0.5", false],
    ["application/ld+json;q=0", false],
    ["*/*", false],
    ["text/html,application/xhtml+xml,*/*;q=0.8", false],
    [undefined, false],
  ])("Accept: %s → %s", (accept, expected) => {
    expect(prefersJsonLd(withAccept(accept))).toBe(expected);
  });
});
