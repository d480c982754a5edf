import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listArticleAnnotations } from "@/lib/annotations/list-article-annotations";
import { createInput, createTestArticle, createTestUser, insertTestAnnotation } from "@/test-support/annotations";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { listTags } from "@/lib/tags/list-tags";
import { renameTag } from "@/lib/tags/rename-tag";
import { notebookFilterSchema, type NotebookFilter } from "@/lib/api/notebook";
import { listNotebookArticles, listNotebookRows } from "./list-notebook";
import type { NotebookEntry } from "@/lib/api/notebook";
import { notebookWhereSql } from "./notebook-sql";
import { toPrefixTsQuery } from "./search-terms";
import { MAX_RECENT_WINDOW, MIN_RECENT_WINDOW, readSearchStatistics, recentSearchWindow, type SearchStatistics } from "./search-statistics";

const filter = (query: Record<string, string> = {}): NotebookFilter => notebookFilterSchema.parse(query);

async function notebook(viewer: Viewer, query: Record<string, string> = {}, limit = 100): Promise<NotebookEntry[]> {
  const { json } = await listNotebookRows({ viewer, filter: filter(query), limit });
  return json.map((text) => JSON.parse(text) as NotebookEntry);
}

const quotes = (entries: NotebookEntry[]) => entries.map((entry) => entry.quote.exact).sort();

/** The notes of every page of a list, `limit` at a time, in order, as "Show more" reads them. */
async function notesOfAllPages(viewer: Viewer, query: Record<string, string>, limit: number): Promise<string[]> {
  const notes: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listNotebookRows({ viewer, filter: filter(query), cursor, limit });
    notes.push(...page.json.map((json) => (JSON.parse(json) as NotebookEntry).note!));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return notes;
}

/** The reader's notes that start with `word` and a space, in date order: what a search for the word must list. */
async function notesStartingWith(reader: Viewer, word: string, order: "DESC" | "ASC"): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ note: string }[]>(
    `SELECT note FROM annotations WHERE author_id = $1::uuid AND note LIKE $2 ORDER BY created_at ${order}, id ${order}`,
    reader.id,
    `${word} %`,
  );
  return rows.map((row) => row.note);
}

/** `count` annotations of `authorId` in one statement, quoting "Filler words"; `note` (and `createdAt`) are SQL over n, 1 to count. */
function insertFillerAnnotations(articleId: string, authorId: string, count: number, note: Prisma.Sql, createdAt = Prisma.sql`now()`) {
  return db.$executeRaw`
    INSERT INTO annotations (id, article_id, author_id, color, exact, prefix, suffix, note, created_at, updated_at)
    SELECT gen_random_uuid(), ${articleId}::uuid, ${authorId}::uuid, 'yellow', 'Filler words', '', '', ${note}, ${createdAt}, now()
      FROM generate_series(1, ${count}) AS n`;
}

describe("the notebook's search", () => {
  it("matches word prefixes of quotes, notes and tags, case- and accent-insensitively, in English and Arabic", async () => {
    const reader = await createTestUser("Searcher");
    const other = await createTestUser("Someone Else");
    const article = await createTestArticle([
      "The café on the corner served Crème brûlée to every reader.",
      "قرأت الكتاب في المكتبة العامة مع أصدقائي.",
      "Marginalia were common in medieval manuscripts.",
    ]);
    const cafe = await createAnnotation({ viewer: reader, input: createInput(article, "The café on the corner") });
    const arabic = await createAnnotation({ viewer: reader, input: createInput(article, "الكتاب في المكتبة", { note: "ملاحظة عن القراءة" }) });
    const margin = await createAnnotation({ viewer: reader, input: createInput(article, "Marginalia were common", { note: "Ask about *palimpsests*" }) });
    await updateAnnotation({ viewer: reader, id: margin.annotation.id, changes: { tags: ["History", "to read"] } });
    // Someone else's words never show up in my search.
    await insertTestAnnotation({ article, author: other, exact: "Crème brûlée", note: "cafe cafe" });

    expect(quotes(await notebook(reader, { q: "CAFE" }))).toEqual(["The café on the corner"]);
    expect(quotes(await notebook(reader, { q: "caf" }))).toEqual(["The café on the corner"]);
    expect(quotes(await notebook(reader, { q: "corn" }))).toEqual(["The café on the corner"]);
    expect(quotes(await notebook(reader, { q: "المكت" }))).toEqual(["الكتاب في المكتبة"]);
    expect(quotes(await notebook(reader, { q: "ملاحظة" }))).toEqual(["الكتاب في المكتبة"]);
    expect(quotes(await notebook(reader, { q: "palimps" }))).toEqual(["Marginalia were common"]);
    expect(quotes(await notebook(reader, { q: "histor" }))).toEqual(["Marginalia were common"]);
    expect(quotes(await notebook(reader, { q: "common palimpsests" }))).toEqual(["Marginalia were common"]);
    expect(await notebook(reader, { q: "common café" })).toEqual([]);
    // Punctuation and tsquery operators are only separators.
    expect(quotes(await notebook(reader, { q: "'corner' & | ! (:*" }))).toEqual(["The café on the corner"]);
    expect(await notebook(reader, { q: "Crème" })).toEqual([]);
    expect(cafe.annotation.tags).toEqual([]);
    expect(arabic.created).toBe(true);
  });

  it("looks up a prefix of 3 to 6 characters as one key of the index, and shorter or longer ones among the words", async () => {
    const reader = await createTestUser("Prefixer");
    const article = await createTestArticle(["An ox saw the owl by the oxbow lake; owls and oxen."]);
    for (const exact of ["An ox", "the owl", "oxbow lake", "owls and oxen"]) {
      await createAnnotation({ viewer: reader, input: createInput(article, exact) });
    }
    const [query] = await db.$queryRaw<{ text: string }[]>`
      SELECT gloss_owned_search_query(${reader.id}::uuid, to_tsquery('gloss_search', ${toPrefixTsQuery(["Ox", "owl", "OXBOW", "oxbowl", "oxbowla"])}))::text AS text`;
    const key = reader.id.replaceAll("-", "");
    expect(query?.text).toBe(`'${key}ox':* & '${key}>owl' & '${key}>oxbow' & '${key}>oxbowl' & '${key}oxbowla':*`);

    expect(quotes(await notebook(reader, { q: "ox" }))).toEqual(["An ox", "owls and oxen", "oxbow lake"]);
    expect(quotes(await notebook(reader, { q: "owl" }))).toEqual(["owls and oxen", "the owl"]);
    expect(quotes(await notebook(reader, { q: "oxbo" }))).toEqual(["oxbow lake"]);
    expect(quotes(await notebook(reader, { q: "OXBOW" }))).toEqual(["oxbow lake"]);
    expect(await notebook(reader, { q: "oxbowl" })).toEqual([]);
    expect(quotes(await notebook(reader, { q: "owls oxe" }))).toEqual(["owls and oxen"]);
    expect(quotes(await notebook(reader, { q: "oxbow lake" }))).toEqual(["oxbow lake"]);
    expect(await notebook(reader, { q: "oxbowlake" })).toEqual([]);
  });

  it("uses the GIN index on the search vector (EXPLAIN)", async () => {
    const reader = await createTestUser("Explainer");
    const article = await createTestArticle(["Filler words for many annotations."]);
    // Enough of the reader's rows that walking them all is no longer the cheap plan.
    await insertFillerAnnotations(
      article.id,
      reader.id,
      5000,
      Prisma.sql`CASE WHEN n % 1000 = 0 THEN 'marginalia ' || n WHEN n % 50 = 0 THEN 'middling ' || n ELSE 'plain note ' || n END`,
      Prisma.sql`timestamp '2026-01-01' + n * interval '1 minute'`,
    );
    // As autovacuum would: statistics, and the GIN pending list merged into the index.
    await db.$executeRawUnsafe("VACUUM ANALYZE annotations");
    const plan = await db.$transaction(async (tx) => {
      // The table is small in a test; forbid the plan that reads all of it, as a big one would.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT a.id FROM annotations a JOIN articles ar ON ar.id = a.article_id
         WHERE ${notebookWhereSql(reader.id, filter({ q: "marginal" }))}`;
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Bitmap Index Scan on annotations_owned_search_idx/);
    expect(plan).not.toMatch(/Seq Scan on annotations/);
    expect(quotes(await notebook(reader, { q: "marginal" }))).toHaveLength(5);

    // PostgreSQL's statistics send the rare word straight to that index; the common one first to the reader's newest rows.
    const statistics = await readSearchStatistics();
    const window = (terms: string[], ownerId = reader.id) => recentSearchWindow(statistics, ownerId, terms, 31);
    expect(window(["marginal"])).toBeNull();
    expect(window(["PLAIN"])).toBe(MIN_RECENT_WINDOW);
    expect(window(["pla"])).toBe(MIN_RECENT_WINDOW);
    expect(window(["plain", "marginalia"])).toBeNull();
    // A word in 2 % of the reader's notes: 20 in the newest 1,000, so the window widens to hold four pages.
    expect(window(["middling"])).toBe(MAX_RECENT_WINDOW);
    expect(await notesOfAllPages(reader, { q: "middl" }, 30)).toEqual(await notesStartingWith(reader, "middling", "DESC"));
    // A reader the statistics do not know to have many annotations, or no statistics: the window first, as always.
    expect(window(["marginal"], (await createTestUser("Unlisted")).id)).toBe(MIN_RECENT_WINDOW);
    expect(recentSearchWindow(null, reader.id, ["marginal"], 31)).toBe(MIN_RECENT_WINDOW);
  });

  it("keeps the index's pending list of new rows short, so every search reads little of it", async () => {
    const writer = await createTestUser("Prolific Writer");
    const article = await createTestArticle(["Filler words for many annotations."]);
    await insertFillerAnnotations(article.id, writer.id, 3000, Prisma.sql`'note number ' || n || ' on marginalia, scholia and glosses'`);
    // What a search would have read besides the index proper (GIN's default limit, 4 MB, would leave about 200 pages here).
    const [merged] = await db.$queryRaw<{ pages: number }[]>`SELECT gin_clean_pending_list('annotations_owned_search_idx')::int AS pages`;
    expect(merged?.pages).toBeLessThanOrEqual(33);
  });

  it("sizes the window of newest rows from the index's most common words, as PostgreSQL's planner estimates a search", () => {
    const reader = "0b1c2d3e-0000-4000-8000-00000000000a";
    const statistics: SearchStatistics = {
      rows: 100_000,
      // The reader holds a tenth of the rows; "note" is in 5 % of all rows, "cafe" in 1 %, "gloss" in 0.2 %,
      // "palimpsest" in 0.04 % (each with the beginnings the index keeps of it; "palimpsest"'s are rarer than the list holds).
      authors: new Map([[reader, 0.1]]),
      wordsByReader: new Map([
        [
          "0b1c2d3e00004000800000000000000a",
          [{ word: "cafe", share: 0.01 }, { word: "note", share: 0.05 }, { word: "gloss", share: 0.002 }, { word: "palimpsest", share: 0.0004 }],
        ],
      ]),
      beginningsByReader: new Map([
        [
          "0b1c2d3e00004000800000000000000a",
          new Map([["caf", 0.01], ["cafe", 0.01], ["not", 0.05], ["note", 0.05], ["glo", 0.002], ["glos", 0.002], ["gloss", 0.002]]),
        ],
      ]),
      listedWords: 1000,
      listedShare: 0.9,
      rarestShare: 0.0004,
    };
    const window = (terms: string[]) => recentSearchWindow(statistics, reader, terms, 31);
    // "note": half the reader's rows, four pages (124 matches) within 248 rows: the smallest window.
    expect(window(["note"])).toBe(MIN_RECENT_WINDOW);
    // "Café" folds to the listed "cafe", 10 % of the reader's rows: four pages within 1,240. Its beginning alike.
    expect(window(["Café"])).toBe(1240);
    expect(window(["CAF"])).toBe(1240);
    // Both: 5 % of the reader's rows, 2,480.
    expect(window(["cafe", "note"])).toBe(2480);
    // "gloss": 2 % of the reader's rows, 20 in the smallest window (more than a quarter of a page), four pages only
    // within 6,200: the widest window.
    expect(window(["gloss"])).toBe(MAX_RECENT_WINDOW);
    // An unlisted word or beginning: PostgreSQL's guess, half the rarest listed share (0.02 % of rows, 0.2 % of the
    // reader's: 2 in the smallest window, less than a quarter of a page): the index at once.
    expect(window(["palimpsests"])).toBeNull();
    expect(window(["palimp"])).toBeNull();
    expect(window(["unlisted"])).toBeNull();
    // A prefix the index does not keep as a beginning (over 6 characters) adds up the listed words it begins: 4 in 1,000.
    expect(window(["palimpsest"])).toBeNull();
  });

  it("finds the same pages among the reader's recent rows and in the index, past the recent window too", async () => {
    const reader = await createTestUser("Windowed");
    const article = await createTestArticle(["Filler words for many annotations."]);
    // Every 3rd note says "frequent" (a page fills among the newest rows); "seldom" only in the oldest, beyond the window.
    await insertFillerAnnotations(
      article.id,
      reader.id,
      MIN_RECENT_WINDOW + 200,
      Prisma.sql`CASE WHEN n <= 4 THEN 'seldom ' || n WHEN n % 3 = 0 THEN 'frequent ' || n ELSE 'other ' || n END`,
      Prisma.sql`timestamp '2026-01-01' + n * interval '1 minute'`,
    );
    expect(await notesOfAllPages(reader, { q: "frequ" }, 30)).toEqual(await notesStartingWith(reader, "frequent", "DESC"));
    expect(await notesOfAllPages(reader, { q: "frequ", sort: "oldest" }, 50)).toEqual(await notesStartingWith(reader, "frequent", "ASC"));
    expect(await notesOfAllPages(reader, { q: "seld" }, 3)).toEqual(await notesStartingWith(reader, "seldom", "DESC"));
    expect(await notesOfAllPages(reader, { q: "seld", sort: "oldest" }, 3)).toEqual(await notesStartingWith(reader, "seldom", "ASC"));
  });
});

describe("tags", () => {
  it("are the author's own, shown on the article's list at once, counted, filtered on and renamed everywhere", async () => {
    const reader = await createTestUser("Tagger");
    const article = await createTestArticle(["One two three four five six.", "Seven eight nine ten."]);
    const first = await createAnnotation({ viewer: reader, input: createInput(article, "two three") });
    const second = await createAnnotation({ viewer: reader, input: createInput(article, "eight nine") });

    // The per-article list is cached; a tag change must reach it.
    expect((await listArticleAnnotations({ viewer: reader, slug: article.slug }))!.map((a) => a.tags)).toEqual([[], []]);
    const tagged = await updateAnnotation({ viewer: reader, id: first.annotation.id, changes: { tags: ["ideas", "Zeta", "ideas"] } });
    expect(tagged.tags).toEqual(["Zeta", "ideas"]);
    await updateAnnotation({ viewer: reader, id: second.annotation.id, changes: { tags: ["ideas"] } });
    expect((await listArticleAnnotations({ viewer: reader, slug: article.slug }))!.map((a) => a.tags)).toEqual([["Zeta", "ideas"], ["ideas"]]);

    expect(await listTags(reader)).toEqual([
      { name: "ideas", count: 2 },
      { name: "Zeta", count: 1 },
    ]);
    expect(quotes(await notebook(reader, { tag: "Zeta" }))).toEqual(["two three"]);

    await renameTag({ viewer: reader, from: "Zeta", to: "zeta" });
    expect((await listArticleAnnotations({ viewer: reader, slug: article.slug }))!.map((a) => a.tags)).toEqual([["ideas", "zeta"], ["ideas"]]);
    // Renaming onto an existing name merges.
    await renameTag({ viewer: reader, from: "zeta", to: "ideas" });
    expect(await listTags(reader)).toEqual([{ name: "ideas", count: 2 }]);
    expect((await listArticleAnnotations({ viewer: reader, slug: article.slug }))!.map((a) => a.tags)).toEqual([["ideas"], ["ideas"]]);

    // Removing a tag from an annotation; another reader cannot rename mine.
    await updateAnnotation({ viewer: reader, id: second.annotation.id, changes: { tags: [] } });
    expect(await listTags(reader)).toEqual([{ name: "ideas", count: 1 }]);
    const stranger = await createTestUser("Stranger");
    await expect(renameTag({ viewer: stranger, from: "ideas", to: "mine" })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateAnnotation({ viewer: stranger, id: first.annotation.id, changes: { tags: ["x"] } })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.tag.count({ where: { userId: stranger.id } })).toBe(0);
  });
});

describe("the notebook's pages", () => {
  it("pages by keyset in each sort, unaffected by annotations added meanwhile, and filters by colour, note and visibility", async () => {
    const reader = await createTestUser("Pager");
    const articleB = await createTestArticle(["Bravo one. Bravo two. Bravo three."]);
    const articleA = await createTestArticle(["Alpha one. Alpha two."]);
    const made: string[] = [];
    for (const [article, exact] of [[articleB, "Bravo two"], [articleA, "Alpha two"], [articleB, "Bravo one"], [articleA, "Alpha one"], [articleB, "Bravo three"]] as const) {
      const { annotation } = await createAnnotation({ viewer: reader, input: createInput(article, exact, { color: exact.endsWith("one") ? "green" : "yellow", note: exact.endsWith("two") ? "a note" : null }) });
      made.push(annotation.quote.exact);
    }

    const walk = async (query: Record<string, string>) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listNotebookRows({ viewer: reader, filter: filter(query), cursor, limit: 2 });
        seen.push(...page.json.map((text) => (JSON.parse(text) as NotebookEntry).quote.exact));
        if (seen.length === 2) await createAnnotation({ viewer: reader, input: createInput(articleA, "Alpha", { color: "pink" }) });
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen.filter((quote) => quote !== "Alpha");
    };
    expect(await walk({ color: "green" })).toEqual(["Alpha one", "Bravo one"]);
    expect(await walk({ sort: "oldest", color: "yellow" })).toEqual(["Bravo two", "Alpha two", "Bravo three"]);
    const titleOrder = [articleA, articleB].sort((x, y) => (x.slug < y.slug ? -1 : 1));
    const inArticleOrder = titleOrder.flatMap((article) => (article === articleA ? ["Alpha one", "Alpha two"] : ["Bravo one", "Bravo two", "Bravo three"]));
    expect(await walk({ sort: "article", visibility: "private", hasNote: "false" })).toEqual(inArticleOrder.filter((quote) => !quote.endsWith("two")));
    expect(quotes(await notebook(reader, { hasNote: "true", article: articleA.slug }))).toEqual(["Alpha two"]);
    expect(made).toHaveLength(5);

    const first = (await notebook(reader, {}, 1))[0]!;
    expect(first.article).toEqual({ slug: expect.any(String), title: expect.stringContaining("Test article"), byline: null });
    expect(first.isOwn).toBe(true);
    await expect(listNotebookRows({ viewer: reader, filter: filter(), cursor: "bm90LWEtY3Vyc29y", limit: 2 })).rejects.toMatchObject({ code: "validation" });
  });
});

describe("the notebook's article filter", () => {
  it("offers the articles the reader annotated, and no others", async () => {
    const reader = await createTestUser("Filterer");
    const other = await createTestUser("Other Filterer");
    const annotated = await createTestArticle(["Words on an annotated article."]);
    const second = await createTestArticle(["More words on a second one."]);
    const othersOnly = await createTestArticle(["Only someone else annotated this."]);
    await createAnnotation({ viewer: reader, input: createInput(annotated, "annotated article") });
    await createAnnotation({ viewer: reader, input: createInput(second, "second one") });
    await createAnnotation({ viewer: reader, input: createInput(second, "More words") });
    await createAnnotation({ viewer: other, input: createInput(othersOnly, "someone else") });

    const titles = await db.article.findMany({ where: { id: { in: [annotated.id, second.id] } }, select: { slug: true, title: true } });
    const bySlug = (list: Array<{ slug: string }>) => list.toSorted((a, b) => a.slug.localeCompare(b.slug));
    expect(bySlug(await listNotebookArticles(reader))).toEqual(bySlug(titles));
    expect((await listNotebookArticles(other)).map((article) => article.slug)).toEqual([othersOnly.slug]);
  });
});
