import type { Locator, Page } from "@playwright/test";
import { createUser, expect, signIn, test } from "./fixtures/accounts";
import { expectNoAxeViolations } from "./fixtures/axe";
import { pressableWhole } from "./fixtures/on-screen";
import {
  articleText,
  card,
  createAnnotationViaApi,
  dragSelect,
  ESSAY_PATH,
  listOwnAnnotationsViaApi,
  offsetsOf,
  paintedHighlights,
  panel,
  pointInPhrase,
  selectWithRange,
  toolbar,
  waitForLayer,
} from "./fixtures/annotations";

const articleTextRegion = (page: Page) => page.getByRole("region", { name: "Article text" });
const selectedText = (page: Page) => page.evaluate(() => document.getSelection()?.toString() ?? "");

/** The selection's offsets in the article text, or null when it isn't there. */
function selectionOffsets(page: Page): Promise<{ start: number; end: number } | null> {
  return page.evaluate(() => {
    const selection = document.getSelection()!;
    const root = document.querySelector("[data-article-text]")!;
    if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) return null;
    const selected = selection.getRangeAt(0);
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(selected.startContainer, selected.startOffset);
    const start = before.toString().length;
    return { start, end: start + selected.toString().length };
  });
}

/** Where the caret (a collapsed selection) is in the article text, or null. */
async function caretOffset(page: Page): Promise<number | null> {
  const offsets = await selectionOffsets(page);
  return offsets && offsets.start === offsets.end ? offsets.start : null;
}

/** Presses Tab until `target` has focus, as a reader would, up to `limit` times. */
async function tabTo(page: Page, target: Locator, limit: number) {
  for (let presses = 0; presses < limit && !(await target.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Puts the caret just before `phrase` with one click, for a reader who points first and then selects with the keys. */
async function placeCaretBefore(page: Page, phrase: string) {
  const point = await pointInPhrase(page, phrase);
  await page.mouse.click(point.x - 2, point.y);
  const { start } = await offsetsOf(page, phrase);
  await expect.poll(() => caretOffset(page)).toBe(start);
}

test("keyboard only, no mouse: Tab to the text, select with Shift+arrows, highlight and write a note from the toolbar, find both after a reload", async ({
  signedInPage: page,
}) => {
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  const text = articleTextRegion(page);
  await expect(text).toHaveAccessibleDescription(
    "Select a passage with Shift and the arrow keys, then press Tab to highlight it or add a note.",
  );

  // From the top of the page: past the skip link and the header to the text, which keeps its place on screen.
  await tabTo(page, text, 10);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(text).toHaveCSS("outline-style", "solid");
  await expect.poll(() => caretOffset(page)).toBe(0);
  await expect(page.locator("[data-keyboard-caret]")).toBeVisible();
  await expectNoAxeViolations(page);

  for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await expect.poll(() => selectedText(page)).toBe("Every reader has");
  await expect(page.locator("[data-keyboard-caret]")).toHaveCount(0);
  await page.keyboard.press("Tab");
  await expect(toolbar(page).getByRole("button", { name: "Highlight" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await paintedHighlights(page))["gloss-yellow"]).toEqual(["Every reader has"]);
  // Back in the text, going on from the end of the passage.
  await expect(text).toBeFocused();
  await expect.poll(() => caretOffset(page)).toBe("Every reader has".length);

  // Along to the next passage by word (Ctrl+Right) and letter (Right), then select it letter by letter.
  const phrase = "Perhaps it was a schoolbook";
  const { start } = await offsetsOf(page, phrase);
  for (let i = 0; i < 20 && (await caretOffset(page))! < start - 2; i++) await page.keyboard.press("Control+ArrowRight");
  for (let i = 0; i < 3 && (await caretOffset(page))! < start; i++) await page.keyboard.press("ArrowRight");
  expect(await caretOffset(page)).toBe(start);
  for (let i = 0; i < phrase.length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => selectedText(page)).toBe(phrase);

  // Into the toolbar and back out again, the selection kept.
  await page.keyboard.press("Tab");
  await expect(toolbar(page).getByRole("button", { name: "Highlight" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(text).toBeFocused();
  expect(await selectedText(page)).toBe(phrase);

  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowLeft");
  await expect(toolbar(page).getByRole("button", { name: "Purple" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toolbar(page).getByRole("button", { name: "Purple" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(toolbar(page).getByRole("button", { name: "Add note" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(card(page).getByRole("textbox", { name: "Note" })).toBeFocused();
  await page.keyboard.type("Written without a mouse.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(card(page).getByRole("button", { name: "Save" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card(page)).toBeFocused();
  await expect(card(page)).toContainText("Written without a mouse.");
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect.poll(() => caretOffset(page)).toBe(start + phrase.length);
  expect((await paintedHighlights(page))["gloss-purple"]).toEqual([phrase]);

  const entry = panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ });
  await tabTo(page, entry, 60);
  await page.keyboard.press("Enter");
  await expect(card(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);
  await expect(entry).toBeFocused();

  await page.reload();
  await waitForLayer(page);
  await expect(panel(page).getByRole("button", { name: /Every reader has/ })).toBeVisible();
  await expect(panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ })).toContainText("Written without a mouse.");
  expect(await paintedHighlights(page)).toMatchObject({ "gloss-yellow": ["Every reader has"], "gloss-purple": [phrase] });
  const saved = (await listOwnAnnotationsViaApi(page.request)).map(({ quote, color, note }) => ({ exact: quote.exact, color, note }));
  expect(saved).toEqual(
    expect.arrayContaining([
      { exact: "Every reader has", color: "yellow", note: null },
      { exact: phrase, color: "purple", note: "Written without a mouse." },
    ]),
  );
  expect(saved).toHaveLength(2);
});

test("keyboard only: once the reader has scrolled on, selecting starts at the first paragraph on screen", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  await tabTo(page, articleTextRegion(page), 10);
  await expect.poll(() => caretOffset(page)).toBe(0);

  // Scrolled on (with Space, Page Down, a wheel: all the same here) until a paragraph begins just below the top of the screen.
  const paragraph = "It is worth pausing on how strange this is";
  await page.evaluate((paragraph) => {
    const block = [...document.querySelectorAll("[data-article-text] p")].find((p) => p.textContent!.startsWith(paragraph))!;
    window.scrollBy(0, block.getBoundingClientRect().top - 8);
  }, paragraph);
  await page.keyboard.press("Shift+ArrowRight");
  const { start } = await offsetsOf(page, paragraph);
  await expect.poll(() => selectionOffsets(page)).toEqual({ start, end: start + 1 });
  expect(await selectedText(page)).toBe("I");
});

test("keyboard shortcuts: H highlights the selection, N starts a note, Escape lets go", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  await placeCaretBefore(page, "schoolbook");
  // A click focuses the text too, but without the keyboard's focus ring.
  await expect(articleTextRegion(page)).toBeFocused();
  await expect(articleTextRegion(page)).toHaveCSS("outline-style", "none");
  for (let i = 0; i < "schoolbook".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(toolbar(page)).toHaveCount(0);

  await dragSelect(page, "secondhand novel");
  await page.keyboard.press("h");
  await expect.poll(async () => (await paintedHighlights(page))["gloss-yellow"]).toEqual(["secondhand novel"]);

  await dragSelect(page, "baffling word");
  await page.keyboard.press("n");
  const note = card(page).getByRole("textbox", { name: "Note" });
  await expect(note).toBeFocused();
  await page.keyboard.type("hnh"); // letters typed into the note are text, not shortcuts
  await expect(note).toHaveValue("hnh");
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);
  await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request)).map((a) => a.quote.exact)).toEqual(["secondhand novel"]);
});

test("a note longer than the limit is refused in the form, with the reason", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  await dragSelect(page, "caught with a pencil in a book");
  await toolbar(page).getByRole("button", { name: "Add note" }).click();
  const note = card(page).getByRole("textbox", { name: "Note" });
  await note.fill("a".repeat(10_001));
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(card(page).getByRole("button", { name: "Save" })).toBeDisabled();
  await expect(card(page).getByText("Notes can be up to 10,000 characters. This one is 1 over.")).toBeVisible();
  await expect(card(page).getByText("10,001 / 10,000")).toBeVisible();
  await note.press("Backspace");
  await expect(note).toHaveAttribute("aria-invalid", "false");
  await card(page).getByRole("button", { name: "Save" }).click();
  await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request))[0]?.note?.length).toBe(10_000);
});

test("on a phone: the toolbar sits below the selection, taps highlight, and the list opens as a sheet", async ({ browser, baseURL, request }) => {
  const reader = await createUser(request);
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await signIn(context.request, reader);
  const page = await context.newPage();
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);

  await selectWithRange(page, "The margin is the one part of a page");
  await expect(toolbar(page)).toBeVisible();
  // Both read at one moment: a late font swap may re-wrap and scroll the page between two reads.
  const [toolbarTop, selectionBottom] = await toolbar(page).evaluate((element) => [
    element.getBoundingClientRect().top,
    document.getSelection()!.getRangeAt(0).getBoundingClientRect().bottom,
  ]);
  expect(toolbarTop).toBeGreaterThan(selectionBottom);
  await toolbar(page).getByRole("button", { name: "Highlight" }).tap();
  await expect.poll(async () => (await paintedHighlights(page))["gloss-yellow"]).toEqual(["The margin is the one part of a page"]);

  await page.getByRole("button", { name: "Annotations (1)" }).tap();
  const sheet = page.getByRole("dialog", { name: "Annotations" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toBeFocused();
  await expect(sheet.getByRole("button", { name: "Close annotations" })).toBeVisible();
  await expectNoAxeViolations(page);
  await sheet.getByRole("button", { name: /The margin is the one part of a page/ }).tap();
  await expect(sheet).toHaveCount(0);
  await expect(card(page).getByRole("heading")).toHaveText("Your highlight");
  await card(page).getByRole("button", { name: "Add note" }).tap();
  await card(page).getByRole("textbox", { name: "Note" }).fill("Tapped out on a phone.");
  await card(page).getByRole("button", { name: "Save" }).tap();
  await expect(card(page)).toContainText("Tapped out on a phone.");
  await expect.poll(async () => (await listOwnAnnotationsViaApi(context.request))[0]?.note).toBe("Tapped out on a phone.");

  await card(page).getByRole("button", { name: "Close" }).tap();
  await page.getByRole("button", { name: "Annotations (1)" }).tap();
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Annotations (1)" })).toBeFocused();
  await context.close();
});

test("choosing a note in the list scrolls to its passage, flashes it and opens its card", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  const text = await articleText(page);
  const lastParagraph = text.slice(text.lastIndexOf("\n\n") + 2);
  const phrase = lastParagraph.split(/[.;:]/)[0]!.trim();
  expect(phrase.length).toBeGreaterThan(10);
  await createAnnotationViaApi(page.request, page, { phrase, note: "At the very end." });
  await page.reload();
  await waitForLayer(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await panel(page).getByRole("button", { name: /At the very end/ }).click();
  await expect.poll(async () => (await paintedHighlights(page))["gloss-flash"], { intervals: [50] }).toEqual([phrase]);
  await expect(card(page)).toBeFocused();
  await expect(card(page)).toContainText("At the very end.");
  await expect
    .poll(() =>
      page.evaluate((phrase) => {
        const highlight = [...(CSS.highlights.get("gloss-yellow") ?? [])].find((range) => range.toString() === phrase);
        const rect = highlight instanceof Range ? highlight.getBoundingClientRect() : null;
        return !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight;
      }, phrase),
    )
    .toBe(true);
  await expect.poll(async () => (await paintedHighlights(page))["gloss-flash-fade"] ?? []).toEqual([]);
  await expect.poll(async () => (await paintedHighlights(page))["gloss-flash"] ?? []).toEqual([]);
});

test("a note longer than the screen scrolls inside its card, which opens with its title and passage in view", async ({ signedInPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  const phrase = "The margin is the one part of a page";
  const note = Array.from({ length: 40 }, (_, line) => `Line ${line + 1} of a long note.`).join("\n\n");
  await createAnnotationViaApi(page.request, page, { phrase, note });
  await page.reload();
  await waitForLayer(page);

  await panel(page).getByRole("button", { name: /Line 1 of a long note/ }).click();
  await expect(card(page)).toBeFocused();
  const inView = () =>
    page.evaluate((phrase) => {
      const fits = (rect: DOMRect) => rect.top >= 0 && rect.bottom <= window.innerHeight;
      const dialog = [...document.querySelectorAll<HTMLElement>("[role=dialog]")].find((element) => element.querySelector("h2"))!;
      const highlight = [...(CSS.highlights.get("gloss-yellow") ?? [])].find((range) => range.toString() === phrase);
      return {
        passage: highlight instanceof Range && fits(highlight.getBoundingClientRect()),
        card: fits(dialog.getBoundingClientRect()),
        scrollsInside: dialog.scrollHeight > dialog.clientHeight,
      };
    }, phrase);
  await expect.poll(inView).toEqual({ passage: true, card: true, scrollsInside: true });
  await expect.poll(() => pressableWhole(card(page).getByRole("button", { name: "Close" }))).toBe(true);
  await expect(card(page).getByRole("heading")).toBeInViewport();
});

test("without the CSS Highlight API, highlights are <mark> elements and the text stays the same", async ({ signedInPage: page }) => {
  await page.addInitScript(() => {
    delete (CSS as { highlights?: unknown }).highlights;
    delete (window as { Highlight?: unknown }).Highlight;
  });
  await page.goto(ESSAY_PATH);
  const before = await articleText(page);
  await createAnnotationViaApi(page.request, page, { phrase: "a secondhand novel whose previous owner", color: "blue" });
  await page.reload();
  await waitForLayer(page);

  await dragSelect(page, "previous owner had left a trail");
  await toolbar(page).getByRole("button", { name: "Highlight" }).click();
  const marks = page.locator("[data-article-text] mark[data-gloss]");
  await expect(page.locator('mark[data-gloss="gloss-yellow"]')).toHaveText(["previous owner", " had left a trail"]);
  await expect(page.locator('mark[data-gloss="gloss-blue"]')).toHaveText(["a secondhand novel whose ", "previous owner"]);
  expect(await articleText(page)).toBe(before);

  const point = await pointInPhrase(page, "had left a trail");
  await page.mouse.click(point.x, point.y);
  await card(page).getByRole("button", { name: "Delete" }).click();
  await expect(page.locator('mark[data-gloss="gloss-yellow"]')).toHaveCount(0);
  await expect(marks).not.toHaveCount(0);
  expect(await articleText(page)).toBe(before);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the reader with highlights, the list and an open card passes axe (${colorScheme})`, async ({ signedInPage: page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(ESSAY_PATH);
    await createAnnotationViaApi(page.request, page, { phrase: "caught with a pencil in a book", note: "With a [link](https://example.com/)." });
    await createAnnotationViaApi(page.request, page, { phrase: "a secondhand novel", color: "green" });
    await page.reload();
    await waitForLayer(page);
    await panel(page).getByRole("button", { name: /caught with a pencil/ }).click();
    await expect(card(page).getByRole("link", { name: "link" })).toBeVisible();
    await expectNoAxeViolations(page);

    await card(page).getByRole("button", { name: "Share" }).click();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await card(page).getByRole("button", { name: "Edit" }).click();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");

    await dragSelect(page, "This essay is about that habit");
    await expect(toolbar(page)).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
