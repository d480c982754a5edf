import { describe, expect, it } from "vitest";
import { annotationCollectionMustFailures } from "@/e2e/fixtures/web-annotation-musts";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createInput, createTestArticle, createTestUser } from "@/test-support/annotations";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notebookFilterSchema, type ExportFormat } from "@/lib/api/notebook";
import { csvField } from "./export/csv-export";
import { exportAnnotations } from "./export/export-annotations";
import { importAnnotations } from "./import/import-annotations";
import { parseImportFile } from "./import/parse-import-file";
import { listNotebookRows } from "./list-notebook";

const ORIGIN = "http://gloss.test";

async function exported(viewer: Viewer, format: ExportFormat, query: Record<string, string> = {}): Promise<string> {
  const file = exportAnnotations({ viewer, format, filter: notebookFilterSchema.parse(query), origin: ORIGIN, selfUrl: `${ORIGIN}/api/annotations/export?format=${format}` });
  return new Response(file.body).text();
}

async function notebookOf(viewer: Viewer) {
  const { json } = await listNotebookRows({ viewer, filter: notebookFilterSchema.parse({}), limit: 100 });
  return json.map((text) => JSON.parse(text) as Record<string, unknown>);
}

async function makeNotes() {
  const reader = await createTestUser("Exporter");
  const article = await createTestArticle(["The margin is where a reader talks back.", "A second paragraph, for a second note."]);
  const first = await createAnnotation({ viewer: reader, input: createInput(article, "where a reader talks back", { note: "=HYPERLINK(\"x\") and \"quotes\", commas" }) });
  await updateAnnotation({ viewer: reader, id: first.annotation.id, changes: { tags: ["margins", "talk"], visibility: "link" } });
  await createAnnotation({ viewer: reader, input: createInput(article, "second note", { color: "blue" }) });
  return { reader, article };
}

describe("export and import", () => {
  it("round-trips the JSON export: delete everything, import, and the notebook is as before; twice creates nothing", async () => {
    const { reader } = await makeNotes();
    const before = await notebookOf(reader);
    const file = JSON.parse(await exported(reader, "json"));
    for (const entry of before) await deleteAnnotation({ viewer: reader, id: entry.id as string });
    expect(await notebookOf(reader)).toEqual([]);

    const summary = await importAnnotations({ viewer: reader, items: parseImportFile(file), origin: ORIGIN });
    expect(summary.message).toBe("2 imported, 0 detached");
    const after = await notebookOf(reader);
    // Everything but the time and count of changes: the import is a new first version.
    const withoutUpdatedAt = (entries: Record<string, unknown>[]) => entries.map((entry) => ({ ...entry, updatedAt: null, version: null }));
    expect(withoutUpdatedAt(after)).toEqual(withoutUpdatedAt(before));

    const again = await importAnnotations({ viewer: reader, items: parseImportFile(file), origin: ORIGIN });
    expect(again.message).toBe("0 imported, 0 detached, 2 already in your notebook");
    expect(await notebookOf(reader)).toHaveLength(2);
  });

  it("imports a file sent three times at once once: the others find its annotations there", async () => {
    const { reader } = await makeNotes();
    const file = JSON.parse(await exported(reader, "json"));
    for (const entry of await notebookOf(reader)) await deleteAnnotation({ viewer: reader, id: entry.id as string });

    const summaries = await Promise.all([1, 2, 3].map(() => importAnnotations({ viewer: reader, items: parseImportFile(file), origin: ORIGIN })));
    const already = "0 imported, 0 detached, 2 already in your notebook";
    expect(summaries.map((summary) => summary.message).sort()).toEqual([already, already, "2 imported, 0 detached"]);
    expect(await notebookOf(reader)).toHaveLength(2);
  });

  it("imports a file that three readers send at once for one of them, and refuses it whole to the others", async () => {
    const { reader } = await makeNotes();
    const file = JSON.parse(await exported(reader, "json"));
    for (const entry of await notebookOf(reader)) await deleteAnnotation({ viewer: reader, id: entry.id as string });
    const readers = [reader, await createTestUser("Same file"), await createTestUser("Same file too")];

    const outcomes = await Promise.allSettled(readers.map((viewer) => importAnnotations({ viewer, items: parseImportFile(file), origin: ORIGIN })));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected", "rejected"]);
    for (const outcome of outcomes.filter((outcome) => outcome.status === "rejected")) {
      expect(outcome.reason).toMatchObject({ code: "validation", fieldErrors: { "items.0.id": ["This id belongs to another reader's annotation."] } });
    }
    const counts = await Promise.all(readers.map(async (viewer) => (await notebookOf(viewer)).length));
    expect(counts.sort()).toEqual([0, 0, 2]);
  });

  it("writes a W3C AnnotationCollection passing the musts, and imports it back with tags; unknown articles are skipped, changed text detaches", async () => {
    const { reader } = await makeNotes();
    const collection = JSON.parse(await exported(reader, "jsonld"));
    const { failures, annotations } = annotationCollectionMustFailures(collection);
    expect(failures).toEqual([]);
    expect(annotations).toHaveLength(2);

    const other = await createTestUser("Importer");
    const moved = structuredClone(annotations);
    (moved[0]!.id as string) = "https://elsewhere.example/anno/1";
    const selectors = (moved[1]!.target as { selector: Array<Record<string, unknown>> }).selector;
    selectors[0]!.exact = "a passage that was never in this article";
    const unknownArticle = { ...structuredClone(annotations[0]!), id: "https://elsewhere.example/anno/2", target: { source: `${ORIGIN}/articles/no-such-article`, selector: selectors } };
    // Ids of another reader's annotations are refused, whole file.
    await expect(importAnnotations({ viewer: other, items: parseImportFile(annotations), origin: ORIGIN })).rejects.toMatchObject({ code: "validation" });
    expect(await notebookOf(other)).toEqual([]);

    (moved[1]!.id as string) = "https://elsewhere.example/anno/3";
    const summary = await importAnnotations({ viewer: other, items: parseImportFile([...moved, unknownArticle]), origin: ORIGIN });
    expect(summary.message).toBe("1 imported, 1 detached, 1 skipped: article not in Gloss");
    const imported = await notebookOf(other);
    // Newest first: [0] is the untagged note, [1] the tagged one whose quote was changed.
    expect(imported.map((entry) => [entry.tags, entry.position === null]).sort()).toEqual([[[], false], [["margins", "talk"], true]].sort());
  });

  it("names invalid items in a 400 and imports nothing of that file", async () => {
    const reader = await createTestUser("Careful");
    const bad = { format: "gloss-notebook", version: 1, annotations: [{ id: "not-a-uuid", articleUrl: "x", quote: { exact: "" } }] };
    try {
      parseImportFile(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "validation" });
      expect(Object.keys((error as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(expect.arrayContaining(["items.0.id", "items.0.articleUrl", "items.0.quote.exact"]));
    }
    expect(() => parseImportFile({ hello: "world" })).toThrow(/Not a Gloss export/);
    expect(await db.annotation.count({ where: { authorId: reader.id } })).toBe(0);
  });

  it("writes Markdown by article and CSV quoted by RFC 4180 with formulas defused", async () => {
    const { reader, article } = await makeNotes();
    const markdown = await exported(reader, "md");
    expect(markdown).toContain(`## [Test article ${article.slug}](${ORIGIN}/articles/${article.slug})`);
    expect(markdown).toContain("> where a reader talks back");
    expect(markdown).toContain("Tags: margins, talk");
    const csv = await exported(reader, "csv", { tag: "talk" });
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("highlight,note,tags,colour,title,author,article URL,location,created");
    expect(lines[1]).toContain(`where a reader talks back,"'=HYPERLINK(""x"") and ""quotes"", commas",margins; talk,yellow,`);
    expect(lines).toHaveLength(3);
    expect(csvField("-1+1")).toBe("'-1+1");
    expect(csvField("plain")).toBe("plain");
  });
});
