import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { cachedResponse } from "./fixtures/page-cache";
import { canonicalText, loadSeedArticles, READ_ARTICLE_TEXT } from "./fixtures/seed-articles";

const SYRIA = "syria-joins-us-led-coalition";

/**
 * The body paragraphs of the Syria seed, read straight from the file (not
 * through the app's parser): every non-empty line except the title, the
 * newsletter teaser, and the credit lines at the end.
 */
function syriaBodyParagraphs(): string[] {
  const lines = readFileSync(path.join(__dirname, "..", "seeds", `${SYRIA}.txt`), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const notBody = [
    (line: string) => line === lines[0], // the title
    (line: string) => line.startsWith("What's moving the United States"),
    (line: string) => line.startsWith("By subscribing to the newsletter"),
    (line: string) => line === "RND/AP" || line === "rnd",
  ];
  return lines.filter((line) => !notBody.some((rule) => rule(line)));
}

const articleText = (page: Page) => page.locator("[data-article-text]");

test("the reader shows the title, credit and every paragraph of the article, and nothing else", async ({ page }) => {
  const paragraphs = syriaBodyParagraphs();
  expect(paragraphs).toHaveLength(6);

  const response = await page.goto(`/articles/${SYRIA}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meeting with Trump: Syria joins US-led coalition against IS");
  await expect(page.getByRole("article")).toContainText("RND/AP");
  await expect(articleText(page).locator("p")).toHaveText(paragraphs);

  const body = page.getByRole("article");
  await expect(body).not.toContainText("What's moving the United States");
  await expect(body).not.toContainText("By subscribing to the newsletter");
  await expect(articleText(page).locator("p").filter({ hasText: /^\s*rnd\s*$/i })).toHaveCount(0);
});

test("the article text in the DOM is the canonical text, character for character, for every seed", async ({ page }) => {
  const articles = await loadSeedArticles();
  expect(articles.length).toBeGreaterThanOrEqual(3);
  for (const article of articles) {
    await page.goto(`/articles/${article.slug}`);
    expect(await page.evaluate(READ_ARTICLE_TEXT), article.slug).toBe(canonicalText(article.blocks));
  }
});

test("the article text is in the first HTML response, and the page is cached after the first visit", async ({ request }) => {
  const [article] = (await loadSeedArticles()).filter((a) => a.slug === "the-reader-in-the-margin");
  expect(article).toBeDefined();
  const first = await request.get(`/articles/${article!.slug}`);
  expect(first.status()).toBe(200);
  const html = await first.text();
  expect(html).toContain("data-article-text");
  expect(html).toContain("Every reader has, at some point, been caught with a pencil in a book.");

  const second = await request.get(`/articles/${article!.slug}`);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
});

test("a returning reader's copy of a cached page is confirmed with a 304, without the page", async ({ request }) => {
  const path = `/articles/${SYRIA}`;
  const etag = (await cachedResponse(request, path)).headers()["etag"];
  expect(etag).toMatch(/^"[\w-]+"$/);
  for (const encoding of ["identity", "gzip, deflate, br"]) {
    const again = await request.get(path, { headers: { "if-none-match": etag!, "accept-encoding": encoding } });
    expect(again.status(), encoding).toBe(304);
    expect((await again.body()).length).toBe(0);
    expect(again.headers()["etag"]).toBe(etag);
    expect(again.headers()["content-encoding"]).toBeUndefined();
  }
  const older = await request.get(path, { headers: { "if-none-match": '"an-older-copy"' } });
  expect(older.status()).toBe(200);
  expect(older.headers()["etag"]).toBe(etag);
  expect(await older.text()).toContain("data-article-text");
});

test("an Arabic article is marked right-to-left Arabic, and the page chrome stays English", async ({ page }) => {
  const arabic = (await loadSeedArticles()).find((a) => a.language === "ar");
  expect(arabic).toBeDefined();
  await page.goto(`/articles/${arabic!.slug}`);
  const article = page.getByRole("article");
  await expect(article).toHaveAttribute("lang", "ar");
  await expect(article).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arabic!.title);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the page has landmarks, one h1, and a skip link to the text", async ({ page }) => {
  await page.goto(`/articles/${SYRIA}`);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  await expect(page.getByRole("article", { name: "Meeting with Trump: Syria joins US-led coalition against IS" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("title, description and Open Graph tags describe the article", async ({ page }) => {
  const article = (await loadSeedArticles()).find((a) => a.slug === SYRIA)!;
  await page.goto(`/articles/${SYRIA}`);
  await expect(page).toHaveTitle(`${article.title} · Gloss`);
  const description = page.locator('meta[name="description"]');
  await expect(description).toHaveAttribute("content", /^Washington\. Syria has joined the US-led coalition/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", article.title);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
    "content",
    (await description.getAttribute("content"))!,
  );
  await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute("content", article.title);
});

test("the dark theme toggle applies at once and persists across a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`/articles/${SYRIA}`);
  const html = page.locator("html");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(html).not.toHaveClass(/\bdark\b/);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");

  await toggle.click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);

  await toggle.click();
  await page.reload();
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("the theme is applied before first paint, with no flash of the wrong theme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.addInitScript(() => window.localStorage.setItem("gloss-theme", "dark"));
  // Record the class as soon as <body> exists, before any script of the app has run.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { classAtBody: string }).classAtBody = document.documentElement.className;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`/articles/${SYRIA}`);
  expect(await page.evaluate(() => (window as unknown as { classAtBody: string }).classAtBody)).toMatch(/\bdark\b/);
});

test("a thin bar shows how far through the text the reader has scrolled, hidden from assistive technology", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/articles/the-reader-in-the-margin");
  const bar = page.locator("[data-reading-progress]");
  await expect(page.locator('[aria-hidden="true"]').filter({ has: bar })).toHaveCount(1);
  const scale = () => bar.evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
  await expect.poll(scale).toBe(0);

  // Halfway between the text's top at the top of the viewport and its end at the bottom.
  await page.evaluate(() => {
    const text = document.querySelector("[data-article-text]")!.getBoundingClientRect();
    const top = text.top + window.scrollY;
    window.scrollTo(0, top + (text.height - window.innerHeight) / 2);
  });
  await expect.poll(scale).toBeCloseTo(0.5, 1);

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(scale).toBe(1);
  const viewportWidth = await page.evaluate(() => document.documentElement.clientWidth);
  expect((await bar.boundingBox())?.width).toBeCloseTo(viewportWidth, 0);
});

test("an unknown article answers 404 with a page that leads back to the library", async ({ page }) => {
  for (const url of ["/articles/no-such-article", "/articles/NOT%20a%20slug", "/no/such/page"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page isn’t in the library");
    await expect(page).toHaveTitle("Page not found · Gloss");
  }
  await page.getByRole("link", { name: "Browse the library" }).click();
  await expect(page).toHaveURL("/");
});

test("with JavaScript off the article still reads in full", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`/articles/${SYRIA}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meeting with Trump: Syria joins US-led coalition against IS");
    await expect(articleText(page).locator("p")).toHaveText(syriaBodyParagraphs());
    await expect(articleText(page)).toBeVisible();
  } finally {
    await context.close();
  }
});

test("with JavaScript off every article page is readable", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const slug of [SYRIA, "the-reader-in-the-margin", "hawashi-margins-of-arabic-manuscripts"]) {
      await page.goto(`/articles/${slug}`);
      await expect(page.getByRole("heading", { level: 1 }), slug).toBeVisible();
      const paragraphs = articleText(page).locator("p");
      expect(await paragraphs.count(), slug).toBeGreaterThan(3);
      await expect(paragraphs.first(), slug).toBeVisible();
      await expect(paragraphs.last(), slug).not.toBeEmpty();
    }
    // The 404s too: an unknown path's and an unknown article's (a cached, statically rendered page).
    for (const url of ["/no/such/page", "/articles/no-such-thing"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), url).toHaveText("This page isn’t in the library");
      await expect(page.getByRole("link", { name: "Browse the library" }), url).toBeVisible();
    }
  } finally {
    await context.close();
  }
});

for (const theme of ["light", "dark"] as const) {
  for (const slug of [SYRIA, "the-reader-in-the-margin", "hawashi-margins-of-arabic-manuscripts"]) {
    test(`${slug} has no accessibility violations (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`/articles/${slug}`);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await expectNoAxeViolations(page);
    });
  }
}

for (const theme of ["light", "dark"] as const) {
  test(`the 404 page has no accessibility violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/articles/no-such-article");
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expectNoAxeViolations(page);
  });
}
