import type { Browser, Page } from "@playwright/test";
import type { AnnotationDto } from "@/lib/api/annotations";
import { expect, test } from "./fixtures/accounts";
import { createAnnotationViaApi, dragSelect, paintedHighlights, waitForLayer } from "./fixtures/annotations";
import { expectNoAxeViolations } from "./fixtures/axe";
import {
  BLOG_TITLE, ESSAY_HTML, ESSAY_TITLE, NEWS_HEADLINE, SCRIPTED_TITLE, editedEssay, pageUrl, startImportPagesServer,
  type ImportPagesServer,
} from "./fixtures/import-pages";

// Each test fetches and extracts pages on a shared 2-core machine: room to breathe, not a speed goal.
test.describe.configure({ timeout: 120_000 });

let server: ImportPagesServer & { setEdited(html: string): void };
test.beforeAll(async () => {
  server = await startImportPagesServer();
});
test.afterAll(async () => server.close());

const slugOf = (page: Page) => new URL(page.url()).pathname.split("/")[2]!;

async function addByLink(page: Page, path: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "Add article" }).click();
  await expect(page).toHaveURL(/\/articles\/new$/);
  await page.getByRole("textbox", { name: "Article link" }).fill(pageUrl(server, path));
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/private$/, { timeout: 20_000 });
}

async function anonymousStatus(browser: Browser, path: string): Promise<number> {
  const context = await browser.newContext();
  const response = await context.request.get(path);
  await context.close();
  return response.status();
}

test.describe("adding articles", () => {
  test("by link: read, highlight, note, share (404 while private, shown once public)", async ({ signedInPage: page, browser }) => {
    await addByLink(page, "/news");
    await expect(page.getByRole("heading", { level: 1, name: NEWS_HEADLINE })).toBeVisible();
    await expect(page.getByText("Advertisement")).toHaveCount(0);
    await expect(page.getByRole("radio", { name: "Only me" })).toBeChecked();
    const slug = slugOf(page);

    // Highlight with the mouse, as on a seeded article.
    await waitForLayer(page);
    await dragSelect(page, "first cyclists crossed it");
    await page.getByRole("toolbar", { name: "Highlight selection" }).getByRole("button", { name: "Highlight" }).click();
    await expect.poll(() => paintedHighlights(page)).toMatchObject({ "gloss-yellow": ["first cyclists crossed it"] });

    // A note shared by link.
    const note = await createAnnotationViaApi(page.request, page, { phrase: "new deck", note: "Fifty years!", slug });
    expect((await page.request.patch(`/api/annotations/${note.id}`, { data: { visibility: "link" } })).status()).toBe(200);
    expect(await anonymousStatus(browser, `/n/${note.id}`)).toBe(404);
    expect(await anonymousStatus(browser, `/n/${note.id}/card.png`)).toBe(404);
    expect(await anonymousStatus(browser, `/articles/${slug}`)).toBe(404);
    expect(await anonymousStatus(browser, `/articles/${slug}/private`)).toBe(404);
    expect(await anonymousStatus(browser, `/api/articles/${slug}/annotations`)).toBe(404);

    // Public: the static page, the library with who added it, the share link.
    await page.getByRole("radio", { name: "Public" }).check();
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
    await expect(page.getByRole("radio", { name: "Public" })).toBeChecked();
    expect(await anonymousStatus(browser, `/n/${note.id}`)).toBe(200);
    expect(await anonymousStatus(browser, `/n/${note.id}/card.png`)).toBe(200);
    const reader = await browser.newPage();
    await reader.goto(`/n/${note.id}`);
    await expect(reader.getByRole("heading", { level: 1, name: NEWS_HEADLINE })).toBeVisible();
    await reader.goto("/");
    const card = reader.getByRole("list", { name: "Articles", exact: true }).getByRole("listitem").filter({ hasText: NEWS_HEADLINE });
    await expect(card.getByText(/^Added by /)).toBeVisible();
    await reader.close();

    // Private again: gone for everyone else at once.
    await page.getByRole("radio", { name: "Only me" }).check();
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}/private$`));
    expect(await anonymousStatus(browser, `/n/${note.id}`)).toBe(404);
    expect(await anonymousStatus(browser, `/articles/${slug}`)).toBe(404);
    // Its owner, opening the public address, is sent on to the private one.
    await page.goto(`/articles/${slug}`);
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}/private$`));
    await expect(page.getByRole("heading", { level: 1, name: NEWS_HEADLINE })).toBeVisible();

    // The same address again opens the same article.
    await addByLink(page, "/news");
    expect(slugOf(page)).toBe(slug);
  });

  test("by file: a saved page with code and lazy, referrer-less images; Your articles lists it", async ({ signedInPage: page }) => {
    await page.goto("/articles/new");
    const blog = await (await fetch(pageUrl(server, "/blog"))).text();
    await page.getByLabel("Upload a file").setInputFiles({ name: "blog.html", mimeType: "text/html", buffer: Buffer.from(blog) });
    await expect(page).toHaveURL(/\/private$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: BLOG_TITLE })).toBeVisible();
    await expect(page.locator("[data-article-text] pre code")).toContainText("const [y, m, d]");
    const image = page.getByRole("img", { name: "Thumbnail of a clock" });
    await expect(image).toHaveAttribute("loading", "lazy");
    await expect(image).toHaveAttribute("referrerpolicy", "no-referrer");

    await page.goto("/");
    await expect(page.getByRole("list", { name: "Your articles" }).getByRole("link", { name: BLOG_TITLE })).toBeVisible();
    await expect(page.getByRole("list", { name: "Articles", exact: true }).getByRole("link", { name: BLOG_TITLE })).toHaveCount(0);
  });

  test("by paste, with a title; a file too large or a page with no article is refused in words", async ({ signedInPage: page }) => {
    await page.goto("/articles/new");
    await page.getByLabel("Upload a file").setInputFiles({ name: "big.html", mimeType: "text/html", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, " ") });
    await expect(page.getByRole("alert").filter({ hasText: "The file is larger than 5 MB" })).toBeVisible();

    await page.getByRole("textbox", { name: "Article link" }).fill(pageUrl(server, "/nav-only"));
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That page has no readable article" })).toBeVisible();

    await page.getByRole("textbox", { name: "Article link" }).fill("http://127.0.0.1:9/nothing-here");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That address could not be reached" })).toBeVisible();

    await page.getByRole("textbox", { name: "Title" }).fill("Notes from the reading room");
    await page.getByRole("textbox", { name: "Text or HTML" }).fill("The reading room opens at nine.\nBring a pencil; pens are not allowed near the manuscripts.");
    await page.getByRole("button", { name: "Read pasted text" }).click();
    await expect(page).toHaveURL(/\/private$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Notes from the reading room" })).toBeVisible();
    await expect(page.getByText("Bring a pencil; pens are not allowed")).toBeVisible();
    await expect(page.getByRole("button", { name: "Update from source" })).toHaveCount(0);
  });

  test("update from source re-anchors annotations and lists the detached; delete warns with the count", async ({ signedInPage: page }) => {
    server.setEdited(ESSAY_HTML);
    await addByLink(page, `/edited?run=${Date.now()}`);
    await expect(page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
    const slug = slugOf(page);
    await waitForLayer(page);
    const kept = await createAnnotationViaApi(page.request, page, { phrase: "The essay part 3 paragraph number 4", slug });
    const lost = await createAnnotationViaApi(page.request, page, { phrase: "The essay part 1 paragraph number 2 explains", slug });

    server.setEdited(editedEssay());
    await page.getByRole("button", { name: "Update from source" }).click();
    const detached = page.getByRole("list", { name: "Detached annotations" });
    await expect(detached).toContainText(lost.quote.exact);
    await expect(page.getByText("This paragraph was rewritten after publication.")).toBeVisible();
    const list = (await (await page.request.get(`/api/articles/${slug}/annotations`)).json()) as { annotations: AnnotationDto[] };
    const byId = new Map(list.annotations.map((a) => [a.id, a]));
    expect(byId.get(lost.id)?.position).toBeNull();
    expect(byId.get(kept.id)?.position).not.toBeNull();
    expect(byId.get(kept.id)?.quote.exact).toBe(kept.quote.exact);

    await page.getByRole("region", { name: "Your article" }).getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this article?" });
    await expect(dialog).toContainText("Its 2 annotations will be deleted with it");
    await dialog.getByRole("button", { name: "Delete article" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect((await page.request.get(`/api/articles/${slug}`)).status()).toBe(404);
    expect((await page.request.get(`/articles/${slug}/private`)).status()).toBe(404);
  });

  test("no script from an imported page ever runs", async ({ signedInPage: page }) => {
    const outside: string[] = [];
    page.on("request", (request) => {
      if (/evil\.example|ads\.example|tracker\.example/.test(request.url())) outside.push(request.url());
    });
    page.on("dialog", (dialog) => {
      outside.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await addByLink(page, "/scripted");
    await expect(page.getByRole("heading", { level: 1, name: SCRIPTED_TITLE })).toBeVisible();
    const article = page.locator("[data-article-text]");
    await article.getByText("Hover over this paragraph").hover();
    await article.getByText("Hover over this paragraph").click();
    await expect(article.locator("script, iframe, svg, form, input, [onclick], [onerror], [onload], [onmouseover]")).toHaveCount(0);
    expect(await article.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toEqual([]);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __glossPwned?: string }).__glossPwned)).toBeUndefined();
    expect(outside).toEqual([]);
  });

  test("/articles/new has no accessibility violations, and ?url= (the bookmarklet) adds at once", async ({ signedInPage: page }) => {
    await page.goto("/articles/new");
    await expect(page.getByRole("heading", { level: 1, name: "Add article" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page.getByRole("link", { name: "Save to Gloss" })).toHaveAttribute("href", /^javascript:/);

    await page.goto(`/articles/new?url=${encodeURIComponent(pageUrl(server, "/redirect"))}`);
    await expect(page).toHaveURL(/\/private$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
  });
});

test("screens: /articles/new and an imported article with its owner's controls, phone and desktop, light and dark", async ({ signedInPage: page }) => {
  await addByLink(page, "/blog");
  const articlePath = new URL(page.url()).pathname;
  for (const [name, size] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 800 }]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/articles/new");
      await expect(page.getByRole("heading", { level: 1, name: "Add article" })).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`new-${name}-${scheme}.png`), fullPage: true });
      await page.goto(articlePath);
      await expect(page.getByRole("radio", { name: "Only me" })).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`article-${name}-${scheme}.png`) });
    }
  }
});
