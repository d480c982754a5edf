import { createUser, expect, signIn, test } from "./fixtures/accounts";
import {
  card,
  createAnnotationViaApi,
  ESSAY_PATH,
  listOwnAnnotationsViaApi,
  NEWS,
  NEWS_PATH,
  paintedHighlights,
  panel,
  pointInPhrase,
  waitForLayer,
} from "./fixtures/annotations";
import { pressableWhole } from "./fixtures/on-screen";
import { queryTestDatabase } from "./fixtures/test-database";

test("another reader's public note is underlined, shows its author, and cannot be changed", async ({ browser, baseURL, request, signedInPage: page }) => {
  const marta = await createUser(request, { name: "Marta Ruiz" });
  const martaContext = await browser.newContext({ baseURL });
  await signIn(martaContext.request, marta);
  const martaPage = await martaContext.newPage();
  await martaPage.goto(NEWS_PATH);
  const shared = await createAnnotationViaApi(martaContext.request, martaPage, { slug: NEWS, phrase: "No press was allowed at the meeting", note: "A closed door." });
  const hidden = await createAnnotationViaApi(martaContext.request, martaPage, { slug: NEWS, phrase: "waving to onlookers", note: "Private thought." });
  expect((await martaContext.request.patch(`/api/annotations/${shared.id}`, { data: { visibility: "public" } })).status()).toBe(200);
  await martaContext.close();

  await page.goto(NEWS_PATH);
  await createAnnotationViaApi(page.request, page, { slug: NEWS, phrase: "Syria has joined the US-led coalition" });
  await page.reload();
  await waitForLayer(page);

  const entry = panel(page).getByRole("button", { name: /No press was allowed at the meeting/ }).filter({ hasText: "A closed door." });
  await expect(entry).toContainText("Marta Ruiz");
  await expect(panel(page).getByRole("button", { name: /waving to onlookers/ })).toHaveCount(0);
  expect(hidden.id).not.toBe(shared.id);
  const painted = await paintedHighlights(page);
  expect(painted["gloss-others"]).toContain("No press was allowed at the meeting");
  expect(painted["gloss-others"]).not.toContain("waving to onlookers");
  expect(painted["gloss-yellow"]).toEqual(["Syria has joined the US-led coalition"]);

  const point = await pointInPhrase(page, "No press was allowed at the meeting");
  await page.mouse.click(point.x, point.y);
  await expect(card(page).getByRole("heading")).toHaveText("Note by Marta Ruiz");
  await expect(card(page)).toContainText("A closed door.");
  for (const name of ["Edit", "Delete", "Share", "Yellow"]) await expect(card(page).getByRole("button", { name })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);

  await panel(page).getByRole("radio", { name: "Mine" }).check();
  await expect(entry).toHaveCount(0);
  await expect.poll(async () => (await paintedHighlights(page))["gloss-others"] ?? []).toEqual([]);
  await panel(page).getByRole("radio", { name: "Everyone" }).check();
  await expect(entry).toBeVisible();
  await expect.poll(async () => (await paintedHighlights(page))["gloss-others"]).toContain("No press was allowed at the meeting");
});

test("the Share menu changes who can see a note at once, and Copy link opens a private note to link holders", async ({ signedInPage: page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(NEWS_PATH);
  const mine = await createAnnotationViaApi(page.request, page, { slug: NEWS, phrase: "The US president expressed his confidence", note: "Guilty." });
  await page.reload();
  await waitForLayer(page);

  await panel(page).getByRole("button", { name: /The US president expressed his confidence/ }).filter({ hasText: "Guilty." }).click();
  await card(page).getByRole("button", { name: "Share" }).click();
  const menu = page.getByRole("menu", { name: "Share" });
  await expect(menu.getByRole("menuitemradio", { name: "Private" })).toHaveAttribute("aria-checked", "true");
  await expect(menu.getByRole("menuitemradio", { name: "Private" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitemradio", { name: "Public" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveCount(0);
  await expect(card(page).getByRole("button", { name: "Share" })).toBeFocused();
  await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request, NEWS))[0]?.visibility).toBe("public");
  await expect(card(page)).toContainText("Public");

  await card(page).getByRole("button", { name: "Share" }).click();
  await expect(menu.getByRole("menuitemradio", { name: "Public" })).toHaveAttribute("aria-checked", "true");
  await menu.getByRole("menuitemradio", { name: "Private" }).click();
  await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request, NEWS))[0]?.visibility).toBe("private");

  await card(page).getByRole("button", { name: "Share" }).click();
  await menu.getByRole("menuitem", { name: "Copy link" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Link copied. Anyone with the link can now see this note." })).toBeVisible();
  const origin = new URL(page.url()).origin;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/n/${mine.id}`);
  await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request, NEWS))[0]?.visibility).toBe("link");
});

test("a note's Markdown renders, and HTML or script links in it stay inert", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  const note = [
    "<script>window.__glossXss = 1</script>",
    '<img src="x" onerror="window.__glossXss = 2">',
    "[x](javascript:window.__glossXss=3) and [a source](https://example.com/marginalia) and *emphasis*",
  ].join("\n\n");
  await createAnnotationViaApi(page.request, page, { phrase: "caught with a pencil in a book", note });
  await page.reload();
  await waitForLayer(page);

  await panel(page).getByRole("button", { name: /caught with a pencil/ }).click();
  const source = card(page).getByRole("link", { name: "a source" });
  await expect(source).toHaveAttribute("href", "https://example.com/marginalia");
  await expect(source).toHaveAttribute("rel", "nofollow noopener ugc");
  await expect(source).toHaveAttribute("target", "_blank");
  await expect(card(page).locator("em")).toHaveText("emphasis");
  await expect(card(page).getByText("x", { exact: true })).toBeVisible();
  await expect(card(page).getByRole("link", { name: "x", exact: true })).toHaveCount(0);
  await expect(card(page).locator("script, img, [onerror]")).toHaveCount(0);
  await expect(card(page).locator('[href^="javascript:" i]')).toHaveCount(0);
  await card(page).getByText("x", { exact: true }).click();
  expect(await page.evaluate(() => (window as { __glossXss?: number }).__glossXss)).toBeUndefined();
});

test("a note whose passage is gone from the text is listed as detached, with its quote and note", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  const orphan = await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook", note: "Still worth keeping." });
  // What a re-anchoring leaves behind when the passage was rewritten away.
  await queryTestDatabase(`UPDATE annotations SET "start" = NULL, "end" = NULL, exact = $2 WHERE id = $1`, [
    orphan.id,
    "A sentence the editors have since removed from the essay entirely",
  ]);
  await page.reload();
  await waitForLayer(page);

  const detached = panel(page).getByRole("region", { name: "Detached" });
  await expect(detached).toContainText("The passage this note was attached to has changed.");
  await expect(detached).toContainText("A sentence the editors have since removed");
  await expect(detached).toContainText("Still worth keeping.");
  expect(Object.values(await paintedHighlights(page)).flat()).not.toContain("Perhaps it was a schoolbook");

  await detached.getByRole("button", { name: "Delete" }).click();
  await detached.getByRole("button", { name: "Delete for good?" }).click();
  await expect(detached).toHaveCount(0);
  await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request)).length).toBe(0);
});

test("a note whose stored position no longer holds its quote is found in the text and highlighted there", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  const moved = await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook", note: "Found again." });
  // Offsets made for another revision of the text (a page cached before the server re-anchored them).
  await queryTestDatabase(`UPDATE annotations SET "start" = "start" + 40, "end" = "end" + 40 WHERE id = $1`, [moved.id]);
  await page.reload();
  await waitForLayer(page);

  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain("Perhaps it was a schoolbook");
  await expect(panel(page).getByRole("region", { name: "Detached" })).toHaveCount(0);
});

test("where the clipboard API is missing (pages served over plain HTTP), Copy link shows the link selected, ready to copy", async ({ signedInPage: page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  await page.goto(NEWS_PATH);
  const mine = await createAnnotationViaApi(page.request, page, { slug: NEWS, phrase: "Al-Sharaa left the White House" });
  await page.reload();
  await waitForLayer(page);

  await panel(page).getByRole("button", { name: /Al-Sharaa left the White House/ }).click();
  await card(page).getByRole("button", { name: "Share" }).click();
  await page.getByRole("menu", { name: "Share" }).getByRole("menuitem", { name: "Copy link" }).click();
  const link = card(page).getByRole("textbox", { name: "Copy this link to share the note" });
  await expect(link).toHaveValue(`${new URL(page.url()).origin}/n/${mine.id}`);
  await expect(link).toBeFocused();
  const url = await link.inputValue();
  expect(await link.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([0, url.length]);
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Anyone with the link can now see this note." })).toBeVisible();
  await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request, NEWS))[0]?.visibility).toBe("link");
});

test("on a phone, the Share menu of the card docked at the foot of the screen shows every choice whole", async ({ signedInPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(NEWS_PATH);
  await createAnnotationViaApi(page.request, page, { slug: NEWS, phrase: "the first visit by a Syrian head of state", note: "A first." });
  await page.reload();
  await waitForLayer(page);

  await page.getByRole("button", { name: /^Annotations \(\d+\)$/ }).click();
  await page.getByRole("dialog", { name: "Annotations" }).getByRole("button", { name: /the first visit by a Syrian head of state/ }).click();
  await card(page).getByRole("button", { name: "Share" }).click();
  const menu = page.getByRole("menu", { name: "Share" });
  for (const item of [
    menu.getByRole("menuitemradio", { name: "Private" }),
    menu.getByRole("menuitemradio", { name: "Link" }),
    menu.getByRole("menuitemradio", { name: "Public" }),
    menu.getByRole("menuitem", { name: "Copy link" }),
  ]) {
    expect(await pressableWhole(item)).toBe(true);
  }
  await menu.getByRole("menuitemradio", { name: "Public" }).click();
  await expect(card(page)).toContainText("Public");
});
