import { describe, expect, it } from "vitest";
import { annotationIdSchema, createAnnotationSchema, NOTE_MAX_LENGTH, QUOTE_MAX_LENGTH, updateAnnotationSchema } from "./annotations";
import { validationError } from "./errors";

const valid = {
  id: "0B9D3C2E-4A5F-4B6C-8D7E-9F0A1B2C3D4E",
  articleSlug: "the-reader-in-the-margin",
  color: "yellow",
  quote: { exact: "margin", prefix: "in the ", suffix: " of" },
  position: { start: 10, end: 16 },
};

function fieldErrors(schema: typeof createAnnotationSchema | typeof updateAnnotationSchema, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return validationError(result.error).fieldErrors;
}

describe("createAnnotationSchema", () => {
  it("accepts a valid create, lower-casing the id and making an absent note null", () => {
    expect(createAnnotationSchema.parse(valid)).toEqual({ ...valid, id: valid.id.toLowerCase(), note: null });
  });

  it("turns a note of only whitespace into no note, and keeps a real note as written", () => {
    expect(createAnnotationSchema.parse({ ...valid, note: "  \n " }).note).toBeNull();
    expect(createAnnotationSchema.parse({ ...valid, note: "  *indented* markdown\n" }).note).toBe("  *indented* markdown\n");
  });

  it.each([
    ["a missing id", { ...valid, id: undefined }, "id"],
    ["a UUID that is not version 4", { ...valid, id: "0b9d3c2e-4a5f-1b6c-8d7e-9f0a1b2c3d4e" }, "id"],
    ["an unknown colour", { ...valid, color: "orange" }, "color"],
    ["a slug with capitals", { ...valid, articleSlug: "The-Article" }, "articleSlug"],
    ["an empty quote", { ...valid, quote: { ...valid.quote, exact: "" }, position: { start: 10, end: 10 } }, "quote.exact"],
    ["a quote of only spaces", { ...valid, quote: { ...valid.quote, exact: "      " } }, "quote.exact"],
    ["a prefix longer than the context", { ...valid, quote: { ...valid.quote, prefix: "x".repeat(33) } }, "quote.prefix"],
    ["a negative start", { ...valid, position: { start: -1, end: 5 } }, "position.start"],
    ["a fractional offset", { ...valid, position: { start: 10.5, end: 16 } }, "position.start"],
    ["an end before the start", { ...valid, position: { start: 16, end: 10 } }, "position.end"],
    ["a position longer than the quote", { ...valid, position: { start: 10, end: 17 } }, "position"],
    ["a note with a NUL character", { ...valid, note: "bad\u0000note" }, "note"],
    ["a note with a lone surrogate", { ...valid, note: "half \ud83d emoji" }, "note"],
  ])("refuses %s with an error on that field", (_label, input, field) => {
    expect(fieldErrors(createAnnotationSchema, input)).toHaveProperty([field]);
  });

  it("says how long a note may be", () => {
    const errors = fieldErrors(createAnnotationSchema, { ...valid, note: "n".repeat(NOTE_MAX_LENGTH + 1) });
    expect(errors).toEqual({ note: ["A note can be at most 10,000 characters long."] });
    expect(createAnnotationSchema.safeParse({ ...valid, note: "n".repeat(NOTE_MAX_LENGTH) }).success).toBe(true);
  });

  it("says how long a highlight may be", () => {
    const exact = "q".repeat(QUOTE_MAX_LENGTH + 1);
    const errors = fieldErrors(createAnnotationSchema, { ...valid, quote: { exact, prefix: "", suffix: "" }, position: { start: 0, end: exact.length } });
    expect(errors?.["quote.exact"]).toEqual(["A highlight can be at most 5,000 characters long."]);
  });
});

describe("updateAnnotationSchema", () => {
  it("accepts any one of note, colour and visibility; null clears the note", () => {
    expect(updateAnnotationSchema.parse({ note: null })).toEqual({ note: null });
    expect(updateAnnotationSchema.parse({ color: "pink", visibility: "public" })).toEqual({ color: "pink", visibility: "public" });
  });

  it("refuses an empty change and unknown values", () => {
    expect(fieldErrors(updateAnnotationSchema, {})).toEqual({ _: ["Send at least one of: note, color, visibility, tags."] });
    expect(fieldErrors(updateAnnotationSchema, { visibility: "everyone" })).toHaveProperty(["visibility"]);
  });
});

describe("annotationIdSchema", () => {
  it("accepts any UUID in canonical lower case and nothing else", () => {
    expect(annotationIdSchema.parse("7C1E7A52-2B7F-4D8E-9A43-5F7F0C3A9B10")).toBe("7c1e7a52-2b7f-4d8e-9a43-5f7f0c3a9b10");
    expect(annotationIdSchema.safeParse("7c1e7a52").success).toBe(false);
    expect(annotationIdSchema.safeParse("7c1e7a52-2b7f-4d8e-9a43-5f7f0c3a9b10' OR 1=1").success).toBe(false);
  });
});
