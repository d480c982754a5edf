import { API_ARTICLE, createAnnotationAs, expect, test } from "../fixtures/annotation-api";
import { queryTestDatabase } from "../fixtures/test-database";

/** Stores `note` as it is, past the API's checks: as a note saved before notes were bounded would be. */
async function storeNoteDirectly(id: string, note: string) {
  await queryTestDatabase("UPDATE annotations SET note = $2 WHERE id = $1", [id, note]);
}

test.describe("a note nested thousands deep", () => {
  test("is refused when saved, with a clear 400", async ({ clients: { author }, nextPassage }) => {
    const annotation = await createAnnotationAs(author.request, await nextPassage());
    const response = await author.request.patch(`/api/annotations/${annotation.id}`, { data: { note: "- ".repeat(4990) + "x" } });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { note: ["Nest lists, quotes and emphasis at most 16 levels deep."] } });
    await author.request.delete(`/api/annotations/${annotation.id}`);
  });

  test("already stored, shows as plain text on its card while the share page, its image and the reader work", async ({ clients: { author }, nextPassage, browser, baseURL }) => {
    const annotation = await createAnnotationAs(author.request, await nextPassage(), { note: "placeholder", visibility: "link" });
    const deep = "- ".repeat(4990) + "x";
    await storeNoteDirectly(annotation.id, deep);

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const response = await page.goto(`/n/${annotation.id}`);
    expect(response?.status()).toBe(200);
    const summary = page.locator("[data-shared-note]");
    await expect(summary.locator("[data-note-plain-text]")).toContainText("- - - - x");
    await expect(page.getByRole("article")).toBeVisible();
    await expect(page.getByRole("link", { name: "Read the full article" })).toBeVisible();
    expect((await context.request.get(`/n/${annotation.id}/card.png`)).status()).toBe(200);
    expect((await context.request.get("/api/health")).status()).toBe(200);

    // The reader: the article and the rest of the page keep working beside the card.
    const authorPage = await context.newPage();
    await authorPage.context().addCookies((await author.request.storageState()).cookies);
    await authorPage.goto(`/articles/${API_ARTICLE}`);
    await expect(authorPage.getByRole("article")).toBeVisible();
    await expect(authorPage.getByRole("heading", { level: 1 })).toBeVisible();
    await context.close();
    await author.request.delete(`/api/annotations/${annotation.id}`);
  });
});
