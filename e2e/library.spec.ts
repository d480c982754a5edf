import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { cachedResponse } from "./fixtures/page-cache";
import { loadSeedArticles } from "./fixtures/seed-articles";

async function expectedOrder() {
  const articles = await loadSeedArticles();
  // Newest first; undated articles last, by title.
  return articles
    .toSorted((a, b) => {
      if (a.publishedAt && b.publishedAt) return b.publishedAt.getTime() - a.publishedAt.getTime();
      if (a.publishedAt || b.publishedAt) return a.publishedAt ? -1 : 1;
      return a.title.localeCompare(b.title);
    });
}

test("the library lists every seeded article, newest first, undated last", async ({ page }) => {
  const articles = await expectedOrder();
  expect(articles.some((a) => a.publishedAt === null)).toBe(true);

  await page.goto("/");
  await expect(page).toHaveTitle("Gloss");
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
  const list = page.getByRole("list", { name: "Articles" });
  // Other tests add articles of their own (copies of seeds, e2e/fixtures/test-articles.ts): compare the seeds among them.
  const seedTitles = new Set(articles.map((a) => a.title));
  await expect
    .poll(async () => (await list.getByRole("heading", { level: 2 }).allTextContents()).filter((title) => seedTitles.has(title)))
    .toEqual(articles.map((a) => a.title));
});

test("each entry shows source, reading time and an excerpt, and opens the reader", async ({ page }) => {
  const articles = await loadSeedArticles();
  const syria = articles.find((a) => a.slug === "syria-joins-us-led-coalition");
  expect(syria).toBeDefined();

  await page.goto("/");
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: syria!.title, exact: true }) });
  await expect(entry).toContainText("RND");
  await expect(entry).toContainText("RND/AP"); // no byline, so the credit stands in
  await expect(entry).toContainText(/\d+ min read/);
  await expect(entry).toContainText("Washington. Syria has joined the US-led coalition");

  const dated = articles.find((a) => a.publishedAt !== null)!;
  const datedEntry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: dated.title, exact: true }) });
  const expectedDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(dated.publishedAt!);
  await expect(datedEntry.locator("time")).toHaveText(expectedDate);

  await entry.getByRole("link", { name: syria!.title }).click();
  await expect(page).toHaveURL(`/articles/${syria!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(syria!.title);
});

test("a right-to-left article is listed with its language and direction", async ({ page }) => {
  const arabic = (await loadSeedArticles()).find((a) => a.language === "ar");
  expect(arabic).toBeDefined();
  await page.goto("/");
  const card = page.locator("article", { has: page.getByRole("heading", { name: arabic!.title, exact: true }) });
  await expect(card).toHaveAttribute("lang", "ar");
  await expect(card).toHaveAttribute("dir", "rtl");
});

test("the library is served from the cache after the first request", async ({ request }) => {
  expect((await cachedResponse(request, "/")).headers()["x-nextjs-cache"]).toBe("HIT");
});

for (const theme of ["light", "dark"] as const) {
  test(`the library has no accessibility violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expectNoAxeViolations(page);
  });
}
