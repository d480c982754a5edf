import { describe, expect, it } from "vitest";
import { hashText } from "@/lib/articles/seed-articles";
import { db } from "@/lib/db";
import { createInput, createTestArticle, createTestUser, reviseTestArticle, type TestArticle } from "@/test-support/annotations";
import { createAnnotation } from "./create-annotation";
import { reanchorArticleAnnotations } from "./reanchor-article-annotations";

const author = await createTestUser();

const P1 = "The harbour lay quiet under a low winter sky, and the fishing boats rocked at their moorings.";
const P2 = "Old Maren mended nets by the sea wall every morning, humming songs nobody else remembered.";
const P3 = "In spring the council voted to build a new pier, though the fishermen argued against it for weeks.";
const P4 = "By summer the pier was finished, and tourists came to photograph the painted boats.";

async function annotate(article: TestArticle, exact: string, occurrence = 0): Promise<string> {
  const { annotation } = await createAnnotation({ viewer: author, input: createInput(article, exact, { occurrence, note: `on "${exact}"` }) });
  return annotation.id;
}

async function stored(id: string) {
  return db.annotation.findUniqueOrThrow({
    where: { id },
    select: { exact: true, prefix: true, suffix: true, start: true, end: true, note: true, updatedAt: true },
  });
}

/** Asserts the annotation is attached to exactly `expected` in the article's current text. */
async function expectOn(article: TestArticle, id: string, expected: string) {
  const row = await stored(id);
  expect(row.start).not.toBeNull();
  expect(article.text.slice(row.start ?? 0, row.end ?? 0)).toBe(expected);
  expect(row.exact).toBe(expected);
  expect(row.prefix).toBe(article.text.slice(Math.max(0, (row.start ?? 0) - 32), row.start ?? 0));
  expect(row.suffix).toBe(article.text.slice(row.end ?? 0, (row.end ?? 0) + 32));
}

describe("re-anchoring when an article's text changes", () => {
  it("follows text that moved because something was inserted before it", async () => {
    const article = await createTestArticle([P1, P2, P3]);
    const id = await annotate(article, "humming songs nobody else remembered");
    const before = await stored(id);

    const revised = await reviseTestArticle(article, ["A new opening paragraph sets the scene.", P1, P2, P3]);

    await expectOn(revised, id, "humming songs nobody else remembered");
    const after = await stored(id);
    expect(after.start).toBe((before.start ?? 0) + "A new opening paragraph sets the scene.\n\n".length);
    // Re-anchoring is not an edit by the author.
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.note).toBe(before.note);
  });

  it("follows a paragraph that was moved elsewhere in the article", async () => {
    const article = await createTestArticle([P1, P2, P3, P4]);
    const id = await annotate(article, "the council voted to build a new pier");

    const revised = await reviseTestArticle(article, [P1, P2, P4, P3]);

    await expectOn(revised, id, "the council voted to build a new pier");
  });

  it("follows a quote whose surroundings were edited", async () => {
    const article = await createTestArticle([P1, P2, P3]);
    const id = await annotate(article, "mended nets by the sea wall");

    const revised = await reviseTestArticle(article, [
      P1,
      "Old Maren, the widow, mended nets by the sea wall each and every morning, humming songs nobody else remembered.",
      P3,
    ]);

    await expectOn(revised, id, "mended nets by the sea wall");
  });

  it("follows a quote with a small correction inside it, storing the corrected words", async () => {
    const article = await createTestArticle([P1, "She said she would recieve the letters by the end of the week, and she did.", P3]);
    const id = await annotate(article, "would recieve the letters by the end of the week");

    const revised = await reviseTestArticle(article, [P1, "She said she would receive the letters by the end of the week, and she did.", P3]);

    await expectOn(revised, id, "would receive the letters by the end of the week");
  });

  it("keeps a quote in an unchanged paragraph whose neighbour (and so its context) was deleted", async () => {
    const article = await createTestArticle([P1, P2, P3, P4]);
    const atEnd = await annotate(article, "humming songs nobody else remembered");
    const atStart = await annotate(article, "The harbour lay quiet");

    const revised = await reviseTestArticle(article, [P1.replace("low winter sky", "grey sky"), P2, P4]);

    await expectOn(revised, atEnd, "humming songs nobody else remembered");
    await expectOn(revised, atStart, "The harbour lay quiet");
  });

  it("detaches an annotation whose passage was deleted, keeping the quote the reader highlighted", async () => {
    const article = await createTestArticle([P1, P2, P3]);
    const id = await annotate(article, "humming songs nobody else remembered");
    const before = await stored(id);

    await reviseTestArticle(article, [P1, P3]);

    expect(await stored(id)).toEqual({ ...before, start: null, end: null });
  });

  it("never adopts a look-alike passage elsewhere in place of a deleted one", async () => {
    const original = "The committee approved the harbour budget on Monday after a long debate.";
    const lookAlike = "The committee rejected the harbour budget on Friday after a short debate.";
    const article = await createTestArticle([P1, original, P2, P3, P4]);
    const id = await annotate(article, "The committee approved the harbour budget on Monday");

    await reviseTestArticle(article, [P1, P2, P3, lookAlike, P4]);

    expect(await stored(id)).toMatchObject({ start: null, end: null, exact: "The committee approved the harbour budget on Monday" });
  });

  it("keeps a repeated phrase on the copy that was highlighted", async () => {
    const refrain = "and the tide came in";
    const article = await createTestArticle([`${P1} ${refrain}.`, `${P2} ${refrain}.`, `${P3} ${refrain}.`]);
    const id = await annotate(article, refrain, 1);

    const revised = await reviseTestArticle(article, [`${P1} ${refrain}.`, `Inserted. ${P2} ${refrain}.`, `${P3} ${refrain}.`]);

    const row = await stored(id);
    expect(row.start).toBe(revised.text.indexOf(`${refrain}.`, revised.text.indexOf("Inserted.")));
    await expectOn(revised, id, refrain);
  });

  it("re-attaches a detached annotation when its passage comes back", async () => {
    const article = await createTestArticle([P1, P2, P3]);
    const id = await annotate(article, "humming songs nobody else remembered");
    await reviseTestArticle(article, [P1, P3]);
    expect((await stored(id)).start).toBeNull();

    const restored = await reviseTestArticle(article, [P1, P2, P3]);

    await expectOn(restored, id, "humming songs nobody else remembered");
  });

  it("moves many annotations of one article at once and leaves other articles alone", async () => {
    const article = await createTestArticle([P1, P2, P3, P4]);
    const bystander = await createTestArticle([P1, P2]);
    const quotes = ["harbour lay quiet", "fishing boats", "Old Maren", "sea wall", "new pier", "tourists came", "painted boats"];
    const ids = await Promise.all(quotes.map((quote) => annotate(article, quote)));
    const bystanderId = await annotate(bystander, "harbour lay quiet");
    const bystanderBefore = await stored(bystanderId);

    const revised = await reviseTestArticle(article, [`Prologue. ${P1}`, P2, "A paragraph added in the middle.", P3, P4]);

    for (const [index, id] of ids.entries()) await expectOn(revised, id, quotes[index] as string);
    expect(await stored(bystanderId)).toEqual(bystanderBefore);
  });

  it("reports what it changed", async () => {
    const article = await createTestArticle([P1, P2, P3]);
    await annotate(article, "humming songs");
    await annotate(article, "council voted");
    await annotate(article, "harbour lay quiet");
    const newText = [P1, P3].join("\n\n");

    const summary = await db.$transaction((tx) =>
      reanchorArticleAnnotations({ tx, articleId: article.id, oldText: article.text, newText }),
    );

    // "harbour lay quiet" stays put with the same context; the others move or detach.
    expect(summary).toEqual({ updated: 2, detached: 1 });
  });

  it("makes a create that races a reseed wait for it, then check its selectors against the new text", async () => {
    const article = await createTestArticle([P1, P2]);
    const input = createInput(article, "humming songs");
    const newText = [P2, P1].join("\n\n");
    let create: Promise<unknown> | undefined;
    // The server has already seen (and remembers) the old text.
    await createAnnotation({ viewer: author, input: createInput(article, "sea wall") });

    await db.$transaction(async (tx) => {
      // What upsertArticles does first: the new text, row-locked until commit.
      await tx.article.update({ where: { id: article.id }, data: { text: newText, textHash: hashText(newText) } });
      create = createAnnotation({ viewer: author, input }).catch((error: unknown) => error);
      await waitUntilSomeoneWaitsForALock();
    });

    expect(await create).toMatchObject({ code: "validation", fieldErrors: { "quote.exact": [expect.any(String)] } });
    expect(await db.annotation.count({ where: { id: input.id } })).toBe(0);
  });
});

async function waitUntilSomeoneWaitsForALock(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await db.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row && row.waiting > 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("The create never waited for the article's lock.");
}
