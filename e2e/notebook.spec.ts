import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import type { NotebookPage } from "@/lib/api/notebook";
import { expect, signIn, test } from "./fixtures/accounts";
import { card, createAnnotationViaApi, dragSelect, ESSAY, ESSAY_PATH, NEWS, NEWS_PATH, waitForLayer } from "./fixtures/annotations";
import { expectNoAxeViolations } from "./fixtures/axe";
import { pressableWhole } from "./fixtures/on-screen";
import { annotationCollectionMustFailures } from "./fixtures/web-annotation-musts";
import { HYDRATED_ATTRIBUTE } from "@/lib/hydrated-attribute";

/**
 * The notebook: every note of mine across articles, searched, filtered,
 * opened at its passage, exported in four formats and imported back.
 */

const ESSAY_PASSAGE = "A marginal note is written by a reader, for that reader, in the moment of reading";
const ESSAY_NOTE = "Compare with **palimpsests** in the library.";

const entries = (page: Page) => page.getByRole("region", { name: "Your notes" }).getByRole("article");
const search = (page: Page) => page.getByRole("searchbox", { name: "Search your notes" });

/** What the notebook shows, entry by entry, as text. */
async function notebookText(page: Page): Promise<string[]> {
  return entries(page).evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, " ").trim()));
}

async function download(page: Page, format: string): Promise<string> {
  await page.getByRole("button", { name: "Export" }).click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("menu").getByRole("menuitem", { name: format, exact: true }).click()]);
  return readFile((await file.path())!, "utf8");
}

test("notes with tags on two articles: listed, searched, filtered, opened, exported, deleted and imported back", async ({ signedInPage: page }) => {
  test.setTimeout(90_000);
  // A note with a tag made on the reader's card.
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  await dragSelect(page, ESSAY_PASSAGE);
  await page.getByRole("toolbar", { name: "Highlight selection" }).getByRole("button", { name: "Add note" }).click();
  await card(page).getByRole("textbox", { name: "Note" }).fill(ESSAY_NOTE);
  await card(page).getByRole("button", { name: "Save" }).click();
  await expect(card(page).locator("strong")).toHaveText("palimpsests");
  await card(page).getByRole("button", { name: "Add tag" }).click();
  await card(page).getByRole("textbox", { name: "Tag" }).fill("margins");
  await card(page).getByRole("textbox", { name: "Tag" }).press("Enter");
  await expect(card(page).getByRole("button", { name: "Remove tag margins" })).toBeVisible();
  await card(page).getByRole("button", { name: "Add tag" }).click();
  await card(page).getByRole("textbox", { name: "Tag" }).fill("to cite");
  await card(page).getByRole("textbox", { name: "Tag" }).press("Enter");
  await card(page).getByRole("button", { name: "Remove tag to cite" }).click();
  await expect(card(page).getByRole("button", { name: /^Remove tag/ })).toHaveCount(1);

  // A note on a second article, tagged through the API.
  await page.goto(NEWS_PATH);
  await waitForLayer(page);
  const news = await createAnnotationViaApi(page.request, page, { phrase: "coalition", slug: NEWS, color: "blue", note: "Follow up on the treaty." });
  expect((await page.request.patch(`/api/annotations/${news.id}`, { data: { tags: ["politics", "margins"] } })).status()).toBe(200);

  // The notebook lists both, newest first, through the header's link.
  await page.getByRole("link", { name: "Notebook" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notebook" })).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first()).toContainText("Follow up on the treaty.");
  await expect(entries(page).nth(1)).toContainText(ESSAY_PASSAGE);
  await expect(entries(page).nth(1).locator("strong")).toHaveText("palimpsests");
  const before = await notebookText(page);
  await expect(page.getByRole("navigation", { name: "Tags" }).getByRole("button", { name: /^margins/ })).toContainText("2");

  // Search by a word of a note (a prefix, any case), then by a word of a quote: the words are marked.
  await search(page).fill("PALIMPS");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first().locator("mark")).toHaveText(["palimpsests"]);
  await expect(page).toHaveURL(/[?&]q=PALIMPS/);
  await search(page).fill("coalit");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first().locator("mark")).toHaveText(["coalition"]);
  await search(page).fill("");
  await expect(entries(page)).toHaveCount(2);

  // Filter by tag.
  await page.getByRole("combobox", { name: "Tag" }).selectOption("politics");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText("coalition");
  await expect(page).toHaveURL(/[?&]tag=politics/);
  await page.getByRole("combobox", { name: "Tag" }).selectOption("");
  await expect(entries(page)).toHaveCount(2);

  // Rename a tag everywhere (a name with a space and an accent, through the path).
  const tagList = page.getByRole("navigation", { name: "Tags" });
  await tagList.getByRole("button", { name: "Rename tag politics" }).click();
  await tagList.getByRole("textbox", { name: "New name for politics" }).fill("politique étrangère");
  await tagList.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(tagList.getByRole("button", { name: /^politique étrangère/ })).toBeVisible();
  await expect(entries(page).first().getByRole("list", { name: "Tags" })).toHaveText(/politique étrangère/);
  await tagList.getByRole("button", { name: "Rename tag politique étrangère" }).click();
  await tagList.getByRole("textbox", { name: "New name for politique étrangère" }).fill("politics");
  await tagList.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(tagList.getByRole("button", { name: /^politics/ })).toBeVisible();
  await expect(entries(page).first().getByRole("list", { name: "Tags" })).toHaveText(/politics/);

  // Exports, all of them.
  const markdown = await download(page, "Markdown");
  expect(markdown).toContain(`> ${ESSAY_PASSAGE}`);
  expect(markdown).toMatch(/## \[.+\]\(http:\/\/[^)]+\/articles\/the-reader-in-the-margin\)/);
  expect(markdown).toContain("Tags: margins, politics");
  const csv = await download(page, "CSV");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFhighlight,note,tags,colour,title,author,article URL,location,created");
  expect(csv).toContain("Follow up on the treaty.");
  const webAnnotations = JSON.parse(await download(page, "W3C Web Annotation"));
  const { failures, annotations } = annotationCollectionMustFailures(webAnnotations);
  expect(failures).toEqual([]);
  expect(annotations).toHaveLength(2);
  const json = await download(page, "JSON");
  expect((JSON.parse(json) as NotebookPage).annotations).toHaveLength(2);

  // Open in article: the reader at the passage with its card open.
  await entries(page).nth(1).getByRole("link", { name: "Open in article" }).click();
  await expect(page).toHaveURL(/\/n\/[0-9a-f-]{36}$/);
  await waitForLayer(page);
  await expect(card(page).getByRole("heading")).toHaveText("Your note");
  await expect(card(page)).toContainText("palimpsests");
  await expect(card(page).getByRole("button", { name: "Remove tag margins" })).toBeVisible();

  // Delete everything; import the JSON; the notebook is as before.
  const listed = (await (await page.request.get("/api/annotations")).json()) as NotebookPage;
  for (const entry of listed.annotations) expect((await page.request.delete(`/api/annotations/${entry.id}`)).status()).toBe(204);
  await page.goto("/notebook");
  await expect(page.getByRole("status").filter({ hasText: "No notes yet" })).toBeVisible();
  await page.getByLabel("Import file").setInputFiles({ name: "gloss-notebook.json", mimeType: "application/json", buffer: Buffer.from(json) });
  await expect(page.getByRole("status").filter({ hasText: "2 imported, 0 detached" })).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
  // The notes' Markdown renders once its renderer has loaded, so the text settles a moment after the list.
  await expect.poll(() => notebookText(page)).toEqual(before);
});

test("shows the notes' Markdown rendered, search words marked, while the renderer is still loading", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  await createAnnotationViaApi(page.request, page, { phrase: ESSAY_PASSAGE, note: ESSAY_NOTE });
  // Hold back the chunk with the Markdown renderer: what a reader sees before it arrives.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes("unwrapDisallowed")) await held;
      await route.fulfill({ response, body });
    } catch {
      // A navigation cancelled this chunk's request while it was on its way (its response is disposed):
      // there is no one left to answer. What the reader sees is asserted below.
    }
  });
  // Loaded afresh, with a search, and opened from the header of another page (a client-side navigation).
  // Not waiting for "load": the page may itself ask for the held chunk, and then its load event waits with it.
  await page.goto("/notebook?q=palimps", { waitUntil: "domcontentloaded" });
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).locator("strong mark")).toHaveText("palimpsests");
  expect((await notebookText(page))[0]).not.toContain("**");
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await page.getByRole("banner").getByRole("link", { name: "Notebook" }).click();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).locator("strong")).toHaveText("palimpsests");
  expect((await notebookText(page))[0]).not.toContain("**");
  release();
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("the first screen of entries comes with the page, JavaScript off too; scrolling brings the rest without a click", async ({ signedInPage: page, user, browser, baseURL }) => {
  test.setTimeout(60_000);
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  // 35 notes on one passage, the newest numbered 35: more than the first response and the API's next page hold.
  const first = await createAnnotationViaApi(page.request, page, { phrase: ESSAY_PASSAGE, note: "**Note 01**." });
  for (let number = 2; number <= 35; number += 1) {
    const response = await page.request.post("/api/annotations", {
      data: { id: randomUUID(), articleSlug: ESSAY, color: "green", note: `**Note ${String(number).padStart(2, "0")}**.`, quote: first.quote, position: first.position },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  // Without JavaScript: the newest entries, rendered by the server.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    await signIn(context.request, user);
    const plain = await context.newPage();
    await plain.goto("/notebook");
    await expect(entries(plain)).toHaveCount(10);
    await expect(entries(plain).first()).toContainText("Note 35.");
    await expect(entries(plain).last()).toContainText("Note 26.");
    await expect(plain.getByRole("button", { name: "Show more" })).toBeVisible();
  } finally {
    await context.close();
  }

  // With it, on a phone: scrolling down the list reaches the oldest note without a press on "Show more".
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/notebook");
  await expect(page.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  await expect(entries(page).first()).toContainText("Note 35.");
  // The next page held back a moment: the button at the list's end says it is on its way, and takes no press.
  let releasePage!: () => void;
  const pageHeld = new Promise<void>((resolve) => (releasePage = resolve));
  await page.route(/\/api\/annotations\?.*cursor=/, async (route) => {
    await pageHeld;
    await route.continue();
  });
  await page.mouse.wheel(0, 3000);
  await expect(page.getByRole("button", { name: "Loading…" })).toHaveAttribute("aria-disabled", "true");
  releasePage();
  await expect(async () => {
    await page.mouse.wheel(0, 3000);
    await expect(entries(page)).toHaveCount(35, { timeout: 1000 });
  }).toPass();
  // Notes of the later pages are rendered in the browser: Markdown, as on the first.
  await expect(entries(page).last().locator("strong")).toHaveText("Note 01");
  await expect(entries(page).first().locator("strong")).toHaveText("Note 35");
  await expect(page.getByRole("button", { name: "Show more" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "35 notes" })).toBeVisible();
});

/** Whether `locator`'s content is rendered, not skipped by an ancestor's `content-visibility: auto`. */
const rendered = (locator: Locator) => locator.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }));

test("on a phone, entries below the first screen are laid out when scrolled to, each with its note and whole focus rings", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  const first = await createAnnotationViaApi(page.request, page, { phrase: ESSAY_PASSAGE, note: "**Note 1**." });
  // Ten: the first response's all, the oldest three screens down on a phone (Chromium lays out what is within one and a
  // half screens of the viewport).
  for (let number = 2; number <= 10; number += 1) {
    const id = randomUUID();
    const response = await page.request.post("/api/annotations", {
      data: { id, articleSlug: ESSAY, color: "green", note: `**Note ${number}**.`, quote: first.quote, position: first.position },
    });
    expect(response.status(), await response.text()).toBe(201);
    if (number === 2) expect((await page.request.patch(`/api/annotations/${id}`, { data: { tags: ["margins"] } })).status()).toBe(200);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/notebook");
  await expect(page.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  await expect(entries(page)).toHaveCount(10);
  // The first screen's entry is laid out with the page; the oldest only once it comes near.
  const oldest = entries(page).last();
  expect(await rendered(entries(page).first().locator("blockquote"))).toBe(true);
  expect(await rendered(oldest.locator("blockquote"))).toBe(false);
  await oldest.scrollIntoViewIfNeeded();
  await expect.poll(() => rendered(oldest.locator("blockquote"))).toBe(true);
  await expect(oldest.locator("strong")).toHaveText("Note 1");

  // The entry's edge controls, focused from the keyboard, show their ring whole: the 4 px outside the entry's box
  // (outline 2 px, 2 px off) are painted, not clipped by the entry's containment.
  const ringOutside = async (control: Locator, side: "left" | "right") => {
    const box = (await control.boundingBox())!;
    const x = side === "right" ? box.x + box.width + 2 : box.x - 4;
    return page.screenshot({ clip: { x, y: box.y, width: 2, height: box.height } });
  };
  const openInArticle = oldest.getByRole("link", { name: "Open in article" });
  const tag = entries(page).nth(8).getByRole("button", { name: "Show notes tagged margins" });
  await tag.scrollIntoViewIfNeeded();
  const unfocused = { link: await ringOutside(openInArticle, "right"), tag: await ringOutside(tag, "left") };
  await tag.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(tag).toBeFocused();
  expect((await ringOutside(tag, "left")).equals(unfocused.tag)).toBe(false);
  await openInArticle.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(openInArticle).toBeFocused();
  expect((await ringOutside(openInArticle, "right")).equals(unfocused.link)).toBe(false);
});

test("a bad import file is refused with the item named, and nothing is imported", async ({ signedInPage: page }) => {
  await page.goto("/notebook");
  const file = { format: "gloss-notebook", version: 1, annotations: [{ id: "nope", articleUrl: "http://x", quote: { exact: "a" } }] };
  await page.getByLabel("Import file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole("status").filter({ hasText: "items.0.id" })).toBeVisible();
  const response = await page.request.post("/api/annotations/import", { headers: { "Content-Type": "application/json" }, data: Buffer.alloc(10 * 1024 * 1024 + 10, 32) });
  expect(response.status()).toBe(413);
  expect((await page.request.get("/api/annotations?format=nope&limit=0")).status()).toBe(400);
  expect((await page.request.get("/api/annotations/export?format=pdf")).status()).toBe(400);
  expect(((await (await page.request.get("/api/annotations")).json()) as NotebookPage).annotations).toEqual([]);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the notebook passes axe and looks right on phone and desktop (${colorScheme})`, async ({ signedInPage: page }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    const first = await createAnnotationViaApi(page.request, page, { phrase: ESSAY_PASSAGE, note: "A *marginal* thought, with a [link](https://example.org)." });
    await page.request.patch(`/api/annotations/${first.id}`, { data: { tags: ["margins", "essays"] } });
    await createAnnotationViaApi(page.request, page, { phrase: "marginalia", color: "green" });
    await page.goto("/notebook?q=margin");
    await expect(entries(page)).toHaveCount(2);
    await expectNoAxeViolations(page);
    for (const [device, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 800 }]] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: testInfo.outputPath(`notebook-${device}-${colorScheme}.png`), fullPage: false });
    }
    await page.getByRole("button", { name: "Export" }).click();
    await page.screenshot({ path: testInfo.outputPath(`notebook-export-menu-${colorScheme}.png`) });
  });
}

test("on a phone, the Export menu opens on the screen, beside its button", async ({ signedInPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/notebook");
  await page.getByRole("button", { name: "Export" }).click();
  const menu = page.getByRole("menu", { name: "Export format" });
  for (const format of ["Markdown", "JSON", "W3C Web Annotation", "CSV"]) {
    expect(await pressableWhole(menu.getByRole("menuitem", { name: format, exact: true }))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Export" })).toBeFocused();
});

test("on a phone, tags on the card and in the notebook are big enough to tap, and the longest stays on the screen", async ({ signedInPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  const longest = "marginalia".repeat(7).slice(0, 64);
  const note = await createAnnotationViaApi(page.request, page, { phrase: ESSAY_PASSAGE, note: "Tagged." });
  expect((await page.request.patch(`/api/annotations/${note.id}`, { data: { tags: ["margins", longest] } })).status()).toBe(200);
  const size = (locator: Locator) => locator.evaluate((element) => element.getBoundingClientRect()).then(({ width, height }) => ({ width, height }));
  const overflowsSideways = (locator: Locator) => locator.evaluate((element) => element.scrollWidth > element.clientWidth);

  await page.goto(`/n/${note.id}`);
  await waitForLayer(page);
  const remove = card(page).getByRole("button", { name: "Remove tag margins" });
  expect(await size(remove)).toEqual({ width: 24, height: 24 });
  expect(await pressableWhole(remove)).toBe(true);
  expect(await overflowsSideways(card(page))).toBe(false);
  expect(await pressableWhole(card(page).getByRole("button", { name: `Remove tag ${longest}` }))).toBe(true);

  await page.goto("/notebook");
  const tag = entries(page).first().getByRole("button", { name: "Show notes tagged margins" });
  expect((await size(tag)).height).toBeGreaterThanOrEqual(24);
  await tag.scrollIntoViewIfNeeded();
  expect(await pressableWhole(tag)).toBe(true);
  expect(await overflowsSideways(page.locator("html"))).toBe(false);
  const longestTag = entries(page).first().getByRole("button", { name: `Show notes tagged ${longest}` });
  await longestTag.scrollIntoViewIfNeeded();
  expect(await pressableWhole(longestTag)).toBe(true);
});
