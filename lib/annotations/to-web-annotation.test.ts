import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/api/annotations";
import { toWebAnnotation, WEB_ANNOTATION_CONTENT_TYPE } from "./to-web-annotation";

const annotation: AnnotationDto = {
  id: "0b9d3c2e-4a5f-4b6c-8d7e-9f0a1b2c3d4e",
  articleSlug: "the-reader-in-the-margin",
  color: "green",
  note: "A *fine* line.",
  visibility: "link",
  quote: { exact: "the margin", prefix: "notes in ", suffix: " of a book" },
  position: { start: 120, end: 130 },
  author: { name: "Ada Author" },
    tags: [],
  isOwn: false,
  replyCount: 0,
  createdAt: "2026-11-20T10:00:00.000Z",
  updatedAt: "2026-11-21T12:30:00.000Z",
  version: 2,
};

describe("toWebAnnotation", () => {
  it("describes a note as a W3C commenting annotation with absolute URLs", () => {
    expect(toWebAnnotation({ annotation, origin: "https://gloss.example" })).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://gloss.example/api/annotations/0b9d3c2e-4a5f-4b6c-8d7e-9f0a1b2c3d4e",
      type: "Annotation",
      motivation: "commenting",
      body: { type: "TextualBody", value: "A *fine* line.", format: "text/markdown", purpose: "commenting" },
      target: {
        source: "https://gloss.example/articles/the-reader-in-the-margin",
        selector: [
          { type: "TextQuoteSelector", exact: "the margin", prefix: "notes in ", suffix: " of a book" },
          { type: "TextPositionSelector", start: 120, end: 130 },
        ],
      },
      creator: { type: "Person", name: "Ada Author" },
      created: "2026-11-20T10:00:00.000Z",
      modified: "2026-11-21T12:30:00.000Z",
    });
  });

  it("makes a plain highlight a bodiless highlighting annotation", () => {
    const web = toWebAnnotation({ annotation: { ...annotation, note: null }, origin: "http://localhost:3000" });
    expect(web.motivation).toBe("highlighting");
    expect(web).not.toHaveProperty("body");
    expect(web.id).toBe("http://localhost:3000/api/annotations/0b9d3c2e-4a5f-4b6c-8d7e-9f0a1b2c3d4e");
  });

  it("keeps only the quote of a detached annotation", () => {
    const web = toWebAnnotation({ annotation: { ...annotation, position: null }, origin: "https://gloss.example" });
    expect(web.target.selector).toEqual([{ type: "TextQuoteSelector", exact: "the margin", prefix: "notes in ", suffix: " of a book" }]);
  });

  it("names the author without any other personal data", () => {
    const serialized = JSON.stringify(toWebAnnotation({ annotation, origin: "https://gloss.example" }));
    expect(serialized).not.toContain("@example");
    expect(serialized).not.toContain("isOwn");
  });

  it("declares the Web Annotation profile in its content type", () => {
    expect(WEB_ANNOTATION_CONTENT_TYPE).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  });
});
