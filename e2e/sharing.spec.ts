import type { APIRequestContext, Browser, Page } from "@playwright/test";
import type { AnnotationDto } from "@/lib/api/annotations";
import { createUser, expect, signIn, test, type TestUser } from "./fixtures/accounts";
import { card, dragSelect, paintedHighlights, panel, waitForLayer } from "./fixtures/annotations";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createTestArticle, rewritePassage, type TestArticle } from "./fixtures/test-articles";

/**
 * Sharing a note: the link a note's author copies opens the article at the
 * passage for anyone allowed to see it, with the note beside it; a link
 * preview shows the quote; whatever a viewer may not see is a plain 404.
 * Each test annotates an article of its own, so notes made public here
 * never show up in other tests.
 */

const PASSAGE = "A marginal note is written by a reader, for that reader, in the moment of reading";
const NOTE = "The whole *argument* of the essay in one sentence.";
const NOTE_TEXT = "The whole argument of the essay in one sentence.";

const sharedNote = (page: Page) => page.locator("[data-shared-note]");
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });

async function signedInPage(browser: Browser, baseURL: string | undefined, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await signIn(context.request, user);
  return context.newPage();
}

async function annotationVia(request: APIRequestContext, id: string): Promise<AnnotationDto | null> {
  const response = await request.get(`/api/annotations/${id}`);
  return response.status() === 200 ? ((await response.json()) as AnnotationDto) : null;
}

async function createNoteViaApi(request: APIRequestContext, article: TestArticle, passage: string, note: string | null, visibility: "link" | "public" = "link") {
  const start = article.text.indexOf(passage);
  expect(start, `"${passage}" in the article`).toBeGreaterThan(0);
  const created = await request.post("/api/annotations", {
    data: { id: crypto.randomUUID(), articleSlug: article.slug, color: "green", note, quote: { exact: passage, prefix: "", suffix: "" }, position: { start, end: start + passage.length } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as AnnotationDto;
  expect((await request.patch(`/api/annotations/${id}`, { data: { visibility } })).status()).toBe(200);
  return id;
}

/** Whether the passage's text lies inside the viewport. */
async function passageOnScreen(page: Page, passage: string): Promise<boolean> {
  return page.evaluate((passage) => {
    const root = document.querySelector("[data-article-text]")!;
    const start = root.textContent!.indexOf(passage);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (start < seen + node.data.length) {
        const range = document.createRange();
        range.setStart(node, start - seen);
        range.setEnd(node, Math.min(node.data.length, start - seen + 20));
        const rect = range.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      }
      seen += node.data.length;
    }
    return false;
  }, passage);
}

test("a note shared by link opens at its passage for anyone holding the link, stays unlisted, and follows its visibility", async ({
  browser,
  baseURL,
  request,
}) => {
  const article = await createTestArticle({ from: "the-reader-in-the-margin", label: "sharing-ui" });
  const amina = await createUser(request, { name: "Amina Author" });
  const rashid = await createUser(request, { name: "Rashid Reader" });
  const author = await signedInPage(browser, baseURL, amina);
  await author.context().grantPermissions(["clipboard-read", "clipboard-write"]);

  // Amina selects the passage, writes a note and copies its link.
  await author.goto(article.path);
  await waitForLayer(author);
  await dragSelect(author, PASSAGE);
  await author.getByRole("toolbar", { name: "Highlight selection" }).getByRole("button", { name: "Add note" }).click();
  await card(author).getByRole("textbox", { name: "Note" }).fill(NOTE);
  await card(author).getByRole("button", { name: "Save" }).click();
  await expect(card(author).locator("em")).toHaveText("argument");
  await card(author).getByRole("button", { name: "Share" }).click();
  await author.getByRole("menu", { name: "Share" }).getByRole("menuitem", { name: "Copy link" }).click();
  await expect(toast(author, "Link copied. Anyone with the link can now see this note.")).toBeVisible();
  const link = await author.evaluate(() => navigator.clipboard.readText());
  const id = new URL(link).pathname.match(/^\/n\/([0-9a-f-]{36})$/)?.[1];
  expect(id, link).toBeTruthy();
  await expect.poll(async () => (await annotationVia(author.request, id!))?.visibility).toBe("link");
  expect(await annotationVia(author.request, id!)).toMatchObject({ note: NOTE, quote: { exact: PASSAGE } });

  // A reader who is not signed in opens the link: the passage, highlighted and on screen, with the note beside it.
  const strangerContext = await browser.newContext({ baseURL });
  const stranger = await strangerContext.newPage();
  const opened = await stranger.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(sharedNote(stranger)).toContainText("Note by Amina Author");
  await expect(sharedNote(stranger).locator("blockquote")).toHaveText(PASSAGE);
  await waitForLayer(stranger);
  await expect(card(stranger).getByRole("heading")).toHaveText("Note by Amina Author");
  await expect(card(stranger)).toContainText(NOTE_TEXT);
  await expect.poll(async () => (await paintedHighlights(stranger))["gloss-others"]).toEqual([PASSAGE]);
  await expect.poll(() => passageOnScreen(stranger, PASSAGE)).toBe(true);

  // Rashid reads the article: a link note is not listed to him, not painted, not in the API's list.
  const reader = await signedInPage(browser, baseURL, rashid);
  await reader.goto(article.path);
  await waitForLayer(reader);
  await expect(panel(reader)).toBeVisible();
  await expect(panel(reader)).not.toContainText("A marginal note is written");
  expect(Object.values(await paintedHighlights(reader)).flat()).not.toContain(PASSAGE);
  const listed = (await (await reader.request.get(`/api/articles/${article.slug}/annotations`)).json()) as { annotations: AnnotationDto[] };
  expect(listed.annotations.map((annotation) => annotation.id)).not.toContain(id);

  // Amina makes it public: Rashid sees it, read only, and so does a reader who is not signed in.
  await card(author).getByRole("button", { name: "Share" }).click();
  await author.getByRole("menu", { name: "Share" }).getByRole("menuitemradio", { name: "Public" }).click();
  await expect.poll(async () => (await annotationVia(author.request, id!))?.visibility).toBe("public");
  await reader.reload();
  await waitForLayer(reader);
  await panel(reader).getByRole("button", { name: /A marginal note is written/ }).click();
  await expect(card(reader).getByRole("heading")).toHaveText("Note by Amina Author");
  for (const name of ["Edit", "Delete", "Share"]) await expect(card(reader).getByRole("button", { name })).toHaveCount(0);
  await stranger.goto(article.path);
  await waitForLayer(stranger);
  await expect(panel(stranger).getByRole("button", { name: /A marginal note is written/ })).toContainText("Amina Author");

  // Amina makes it private: the link is now a 404 for everyone but her.
  await card(author).getByRole("button", { name: "Share" }).click();
  await author.getByRole("menu", { name: "Share" }).getByRole("menuitemradio", { name: "Private" }).click();
  await expect.poll(async () => (await annotationVia(author.request, id!))?.visibility).toBe("private");
  for (const page of [reader, stranger]) {
    const response = await page.goto(link);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page isn’t in the library");
    await expect(page.locator("body")).not.toContainText(NOTE_TEXT);
    await expect(page.locator("body")).not.toContainText(PASSAGE);
  }
  expect((await author.goto(link))?.status()).toBe(200);
  await expect(sharedNote(author)).toContainText("Private: only you");

  // Deleted: a 404 for her too.
  expect((await author.request.delete(`/api/annotations/${id}`)).status()).toBe(204);
  for (const page of [author, reader, stranger]) expect((await page.goto(link))?.status()).toBe(404);
  await strangerContext.close();
});

test("a shared link opens at its passage at once, as a link to a #fragment does, not scrolled there frame by frame", async ({ browser, baseURL, request }) => {
  const article = await createTestArticle({ from: "the-reader-in-the-margin", label: "sharing-jump" });
  const author = await createUser(request, { name: "Jumping Author" });
  const authorPage = await signedInPage(browser, baseURL, author);
  // The last paragraph: far below the first screen of a phone.
  const passage = "So write in the margins. Be specific, be honest";
  const id = await createNoteViaApi(authorPage.request, article, passage, "Worth remembering.");
  const phone = await browser.newContext({ baseURL, viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const reader = await phone.newPage();
  // Every position the page is scrolled to, from before its first script.
  await reader.addInitScript(() => {
    const positions: number[] = [];
    (window as unknown as { scrolledTo: number[] }).scrolledTo = positions;
    addEventListener("scroll", () => positions.push(scrollY), { passive: true });
  });
  await reader.goto(`/n/${id}`);
  await waitForLayer(reader);
  await expect(card(reader)).toContainText("Worth remembering.");
  await expect.poll(() => passageOnScreen(reader, passage)).toBe(true);
  const scrolledTo = await reader.evaluate(() => (window as unknown as { scrolledTo: number[] }).scrolledTo);
  const final = await reader.evaluate(() => scrollY);
  expect(final).toBeGreaterThan(823);
  // A smooth scroll passes through the positions on the way; a jump lands where it ends.
  expect(scrolledTo.filter((position) => position !== final)).toEqual([]);
  await phone.close();
  await authorPage.context().close();
});

/** The content of every `<meta property|name=KEY content=VALUE>` in an HTML document. */
function metaTags(html: string): Record<string, string> {
  const tags: Record<string, string> = {};
  const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const [, key, value] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) tags[key!] ??= unescape(value!);
  return tags;
}

test("a shared link unfurls into the quote, the note and a quote card image that is there exactly when the page is", async ({ playwright, baseURL, request }) => {
  const article = await createTestArticle({ from: "the-reader-in-the-margin", label: "sharing-preview" });
  const amina = await createUser(request, { name: "Amina Author" });
  const author = await playwright.request.newContext({ baseURL });
  await signIn(author, amina);
  const passage = "this margin is too narrow to hold";
  const id = await createNoteViaApi(author, article, passage, "Fermat's **famous** note, in [one line](https://example.com).");

  // Link-preview fetchers (facebookexternalhit, Slackbot, …) get the tags in <head>, before any of the page.
  const crawler = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "User-Agent": "facebookexternalhit/1.1" } });
  const page = await crawler.get(`/n/${id}`);
  expect(page.status()).toBe(200);
  const html = await page.text();
  const head = html.slice(0, html.indexOf("</head>"));
  const tags = metaTags(head);
  const title = `“${passage}” — a note by Amina Author on ${article.title}`;
  expect(tags).toMatchObject({
    "og:title": title,
    "twitter:title": title,
    "og:description": "Fermat's famous note, in one line.",
    description: "Fermat's famous note, in one line.",
    "og:type": "article",
    "og:url": `${baseURL}/n/${id}`,
    "twitter:card": "summary_large_image",
    "og:image:width": "1200",
    "og:image:height": "630",
    "og:image:alt": title,
    robots: "noindex, nofollow",
  });
  expect(head).toContain(`<title>${title.replace(/&/g, "&amp;")} · Gloss</title>`);
  expect(tags["twitter:image"]).toBe(tags["og:image"]);

  const imageUrl = tags["og:image"]!;
  expect(new URL(imageUrl).origin).toBe(baseURL);
  const image = await crawler.get(imageUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  // Never kept by a shared cache: the note can be made private at any moment.
  expect(image.headers()["cache-control"]).toBe("private, no-store");
  expect(page.headers()["cache-control"]).toContain("no-store");
  const png = await image.body();
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

  // Public notes may be indexed.
  expect((await author.patch(`/api/annotations/${id}`, { data: { visibility: "public" } })).status()).toBe(200);
  expect(metaTags(await (await crawler.get(`/n/${id}`)).text()).robots).toBeUndefined();

  // Made private: page and image are 404 to everyone else, with no trace of the note; its author still gets both.
  expect((await author.patch(`/api/annotations/${id}`, { data: { visibility: "private" } })).status()).toBe(200);
  const hidden = await crawler.get(`/n/${id}`);
  expect(hidden.status()).toBe(404);
  const hiddenHtml = await hidden.text();
  for (const secret of [passage, "Fermat's", "og:title", "og:image", "card.png"]) expect(hiddenHtml).not.toContain(secret);
  expect((await crawler.get(imageUrl)).status()).toBe(404);
  expect((await author.get(`/n/${id}`)).status()).toBe(200);
  expect((await author.get(imageUrl)).status()).toBe(200);

  // A note-less highlight is described by its passage.
  const highlight = await createNoteViaApi(author, article, "a truly marvellous proof of this", null);
  const highlightTags = metaTags(await (await crawler.get(`/n/${highlight}`)).text());
  expect(highlightTags["og:title"]).toBe(`“a truly marvellous proof of this” — a highlight by Amina Author on ${article.title}`);
  expect(highlightTags["og:description"]).toBe("“a truly marvellous proof of this”");

  await Promise.all([author.dispose(), crawler.dispose()]);
});

test("ids that are malformed or name nothing are a 404 for the page and its image", async ({ request }) => {
  for (const id of ["not-an-id", crypto.randomUUID(), "00000000-0000-0000-0000-000000000000%27--"]) {
    expect((await request.get(`/n/${id}`)).status(), id).toBe(404);
    expect((await request.get(`/n/${id}/card.png`)).status(), id).toBe(404);
  }
});

test("a note whose passage has since been rewritten still shows its quote and note, and says the passage changed", async ({ browser, baseURL, request }) => {
  const article = await createTestArticle({ from: "the-reader-in-the-margin", label: "sharing-detached" });
  const amina = await createUser(request, { name: "Amina Author" });
  const author = await signedInPage(browser, baseURL, amina);
  const passage = "They noted that the ink was poor";
  const id = await createNoteViaApi(author.request, article, passage, "Every scribe's complaint.");

  rewritePassage(article, passage, "Their notes are mostly lost");
  expect((await annotationVia(author.request, id))?.position).toBeNull();

  const stranger = await browser.newPage({ baseURL });
  expect((await stranger.goto(`/n/${id}`))?.status()).toBe(200);
  await expect(sharedNote(stranger).locator("blockquote")).toHaveText(passage);
  await expect(sharedNote(stranger)).toContainText("Every scribe's complaint.");
  await expect(sharedNote(stranger)).toContainText("The passage this note was attached to has changed.");
  await waitForLayer(stranger);
  await expect(stranger.locator("[data-article-text]")).toContainText("Their notes are mostly lost");
  expect(Object.values(await paintedHighlights(stranger)).flat()).toEqual([]);
  await stranger.close();
});

test("the shared-note page passes an accessibility scan, light and dark", async ({ browser, baseURL, request }) => {
  const article = await createTestArticle({ from: "the-reader-in-the-margin", label: "sharing-axe" });
  const amina = await createUser(request, { name: "Amina Author" });
  const author = await signedInPage(browser, baseURL, amina);
  const id = await createNoteViaApi(author.request, article, PASSAGE, NOTE, "public");

  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ baseURL, colorScheme });
    const page = await context.newPage();
    await page.goto(`/n/${id}`);
    await waitForLayer(page);
    await expect(card(page)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(colorScheme === "dark");
    await expectNoAxeViolations(page, { label: colorScheme });
    await context.close();
  }
});
