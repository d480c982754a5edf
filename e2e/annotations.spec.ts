import { expect, test } from "./fixtures/accounts";
import {
  ARABIC_PATH,
  card,
  createAnnotationViaApi,
  dragSelect,
  ESSAY_PATH,
  listOwnAnnotationsViaApi,
  offsetsOf,
  paintedHighlights,
  panel,
  pointInPhrase,
  toolbar,
  waitForLayer,
} from "./fixtures/annotations";

test.describe("highlighting", () => {
  test("a passage selected with the mouse is highlighted at once and is still there after a reload", async ({ signedInPage: page }) => {
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    await expect(panel(page).getByText("Select any passage to highlight it.")).toBeVisible();

    await dragSelect(page, "caught with a pencil in a book");
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();

    await expect.poll(() => paintedHighlights(page)).toMatchObject({ "gloss-yellow": ["caught with a pencil in a book"] });
    await expect(panel(page).getByRole("button", { name: /caught with a pencil in a book/ })).toBeVisible();
    await expect(toolbar(page)).toHaveCount(0);
    await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request)).map((a) => a.quote.exact)).toEqual([
      "caught with a pencil in a book",
    ]);

    await page.reload();
    await waitForLayer(page);
    await expect(panel(page).getByRole("button", { name: /caught with a pencil in a book/ })).toBeVisible();
    expect((await paintedHighlights(page))["gloss-yellow"]).toEqual(["caught with a pencil in a book"]);
  });

  test("double-clicking a word and choosing a colour highlights it in that colour, remembered next time", async ({ signedInPage: page }) => {
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    const { start } = await offsetsOf(page, "marginalia");
    expect(start).toBeGreaterThan(0);
    await page.getByRole("link", { name: "marginalia" }).scrollIntoViewIfNeeded();

    const point = await pointInPhrase(page, "baffling");
    await page.mouse.dblclick(point.x, point.y);
    await toolbar(page).getByRole("button", { name: "Green" }).click();
    await expect(toolbar(page).getByRole("button", { name: "Green" })).toHaveAttribute("aria-pressed", "true");
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();
    await expect.poll(() => paintedHighlights(page)).toMatchObject({ "gloss-green": ["baffling"] });

    const next = await pointInPhrase(page, "exclamation");
    await page.mouse.dblclick(next.x, next.y);
    await expect(toolbar(page).getByRole("button", { name: "Green" })).toHaveAttribute("aria-pressed", "true");
  });

  test("overlapping and nested highlights are both listed and both painted, and a click between them lets the reader choose", async ({ signedInPage: page }) => {
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    await dragSelect(page, "a secondhand novel whose previous owner");
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();
    await dragSelect(page, "previous owner had left a trail");
    await toolbar(page).getByRole("button", { name: "Blue" }).click();
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();
    await dragSelect(page, "secondhand");
    await toolbar(page).getByRole("button", { name: "Pink" }).click();
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();

    await expect.poll(() => paintedHighlights(page)).toMatchObject({
      "gloss-yellow": ["a secondhand novel whose previous owner"],
      "gloss-blue": ["previous owner had left a trail"],
      "gloss-pink": ["secondhand"],
      "gloss-overlap": ["previous owner", "secondhand"],
    });
    const entries = panel(page).getByRole("listitem");
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toContainText("a secondhand novel whose previous owner");
    await expect(entries.nth(1)).toContainText("secondhand");
    await expect(entries.nth(2)).toContainText("previous owner had left a trail");

    // "previous owner" is covered by the yellow and the blue highlight: the shorter opens first.
    const point = await pointInPhrase(page, "previous owner");
    await page.mouse.click(point.x, point.y);
    await expect(card(page).getByText("1 of 2")).toBeVisible();
    await expect(card(page).getByRole("button", { name: "Blue" })).toHaveAttribute("aria-pressed", "true");
    await card(page).getByRole("button", { name: "Next annotation here" }).click();
    await expect(card(page).getByText("2 of 2")).toBeVisible();
    await expect(card(page).getByRole("button", { name: "Yellow" })).toHaveAttribute("aria-pressed", "true");

    await page.reload();
    await waitForLayer(page);
    await expect(panel(page).getByRole("listitem")).toHaveCount(3);
    expect((await paintedHighlights(page))["gloss-overlap"]).toEqual(["previous owner", "secondhand"]);
  });

  test("a highlight made offline stays, says it will be saved, and is saved once the reader is back", async ({ signedInPage: page, context }) => {
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    await dragSelect(page, "caught with a pencil in a book");
    await context.setOffline(true);
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();
    // Shown at once, though the server cannot answer, and kept (the outbox, e2e/outbox.spec.ts).
    await expect.poll(async () => (await paintedHighlights(page))["gloss-yellow"]).toEqual(["caught with a pencil in a book"]);
    await expect(panel(page).getByRole("listitem").getByRole("status")).toHaveText("Offline — will save when you're back", { timeout: 10_000 });
    await context.setOffline(false);
    await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request)).map((a) => a.quote.exact)).toEqual([
      "caught with a pencil in a book",
    ]);
    await expect(panel(page).getByRole("listitem").getByRole("status")).toHaveCount(0);
  });

  test("in a right-to-left Arabic article, the dragged words are highlighted exactly and open their card", async ({ signedInPage: page }) => {
    await page.goto(ARABIC_PATH);
    await waitForLayer(page);
    const phrase = "حتى غدت الحاشية فنًّا قائمًا بذاته";
    await dragSelect(page, phrase);
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();
    await expect.poll(async () => (await paintedHighlights(page))["gloss-yellow"]).toEqual([phrase]);
    // Its quote in the list reads from the right, as the article does: the words end at the entry's right edge.
    const quote = panel(page).getByRole("button", { name: new RegExp(phrase) }).getByText(phrase);
    const { textLeft, textRight, boxLeft, boxRight } = await quote.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const text = range.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { textLeft: text.left, textRight: text.right, boxLeft: box.left, boxRight: box.right };
    });
    expect(textRight).toBeCloseTo(boxRight, 0);
    expect(textLeft).toBeGreaterThan(boxLeft + 20);
    const point = await pointInPhrase(page, "الحاشية");
    await page.mouse.click(point.x, point.y);
    await expect(card(page).getByRole("heading")).toHaveText("Your highlight");
  });

  test("a signed-out reader is offered to sign in, and comes back to the article", async ({ page }) => {
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    await dragSelect(page, "caught with a pencil in a book");
    const signIn = toolbar(page).getByRole("link", { name: "Sign in to highlight" });
    await expect(signIn).toBeVisible();
    await expect(signIn).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(ESSAY_PATH)}`);
    await expect(toolbar(page).getByRole("button")).toHaveCount(0);
  });
});

test.describe("notes", () => {
  test("a note's inline code and quotation show no Markdown marks around them", async ({ signedInPage: page }) => {
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    const note = await createAnnotationViaApi(page.request, page, {
      phrase: "The margin is the one part of a page",
      note: "Set in `monospace`.\n\n> \u201cA reader's own quotation marks.\u201d",
    });
    await page.goto(`/n/${note.id}`);
    await waitForLayer(page);
    await expect(card(page).locator("code")).toHaveText("monospace");
    const marks = await card(page).evaluate((element) => {
      const around = (selector: string) => {
        const target = element.querySelector(selector)!;
        return [getComputedStyle(target, "::before").content, getComputedStyle(target, "::after").content];
      };
      return { code: around("code"), quotation: around("blockquote p") };
    });
    expect(marks).toEqual({ code: ["none", "none"], quotation: ["none", "none"] });
  });

  test("a note is written, saved, shown after a reload, edited and kept", async ({ signedInPage: page }) => {
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    await dragSelect(page, "The margin is the one part of a page");
    await toolbar(page).getByRole("button", { name: "Add note" }).click();

    const note = card(page).getByRole("textbox", { name: "Note" });
    await expect(note).toBeFocused();
    await note.fill("Who owns the margin? **The reader.**");
    await card(page).getByRole("button", { name: "Save" }).click();
    await expect(card(page).getByText("The reader.")).toBeVisible();
    await expect(card(page).locator("strong")).toHaveText("The reader.");
    // Reload once the server has the note: a create still in the outbox at the reload is sent after it,
    // with the edit below folded in, and then was never edited as far as the server knows.
    await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request))[0]?.note).toBe("Who owns the margin? **The reader.**");

    await page.reload();
    await waitForLayer(page);
    await panel(page).getByRole("button", { name: /The margin is the one part of a page/ }).click();
    await expect(card(page)).toBeVisible();
    await expect(card(page).locator("strong")).toHaveText("The reader.");
    await expect(card(page).locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);

    // The card says "Edited" only for a change more than a second after the note was made; a fast machine
    // gets here sooner.
    const { createdAt } = (await listOwnAnnotationsViaApi(page.request))[0]!;
    await page.waitForTimeout(Math.max(0, Date.parse(createdAt) + 1_100 - Date.now()));
    await card(page).getByRole("button", { name: "Edit" }).click();
    await card(page).getByRole("textbox", { name: "Note" }).fill("Edited: the margin belongs to whoever holds the book.");
    await card(page).getByRole("button", { name: "Save" }).click();
    await expect(card(page).getByText("Edited: the margin belongs")).toBeVisible();
    await expect(card(page).getByText("Edited just now")).toBeVisible();

    await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request))[0]?.note).toBe(
      "Edited: the margin belongs to whoever holds the book.",
    );

    await card(page).getByRole("button", { name: "Green" }).click();
    await expect(card(page).getByRole("button", { name: "Green" })).toHaveAttribute("aria-pressed", "true");
    expect((await paintedHighlights(page))["gloss-green"]).toEqual(["The margin is the one part of a page"]);
    await expect.poll(async () => (await listOwnAnnotationsViaApi(page.request))[0]?.color).toBe("green");
    await page.keyboard.press("Escape");
    await expect(card(page)).toHaveCount(0);

    // Resting the mouse on the passage shows the note without a click.
    const point = await pointInPhrase(page, "The margin is the one part of a page");
    await page.mouse.move(point.x + 20, point.y);
    await expect(page.getByRole("tooltip")).toHaveText("Edited: the margin belongs to whoever holds the book.");
    await page.mouse.move(5, 5);
    await expect(page.getByRole("tooltip")).toHaveCount(0);
  });

  test("a deleted note comes back with Undo, and stays gone without it", async ({ signedInPage: page }) => {
    await page.goto(ESSAY_PATH);
    const kept = await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook", note: "Keep me" });
    await createAnnotationViaApi(page.request, page, { phrase: "secondhand novel", note: "Drop me" });
    await page.reload();
    await waitForLayer(page);

    await panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ }).click();
    await card(page).getByRole("button", { name: "Delete" }).click();
    await expect(panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ })).toHaveCount(0);
    await expect(panel(page).getByRole("button", { name: /secondhand novel/ })).toBeFocused();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Note deleted" });
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ })).toBeVisible();

    await panel(page).getByRole("button", { name: /secondhand novel/ }).click();
    await card(page).getByRole("button", { name: "Delete" }).click();
    await expect(panel(page).getByRole("button", { name: /secondhand novel/ })).toHaveCount(0);

    await expect
      .poll(async () => (await listOwnAnnotationsViaApi(page.request)).map((a) => [a.id, a.note]))
      .toEqual([[kept.id, "Keep me"]]);
    await page.reload();
    await waitForLayer(page);
    await expect(panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ })).toBeVisible();
    await expect(panel(page).getByRole("button", { name: /secondhand novel/ })).toHaveCount(0);
  });
});
