import { HYDRATED_ATTRIBUTE } from "@/lib/hydrated-attribute";
import { expect, test } from "@playwright/test";
import { NEWS_PATH } from "./fixtures/annotations";

/**
 * Links prefetch their route when the reader shows the intent to follow them (pointing, touching, focusing), not when
 * they come into view (components/ui/intent-prefetch-link.tsx): the library's start-up prefetches none of its visible
 * articles, a link pointed at or focused is prefetched, and it navigates on the client.
 */
test("the library's links are prefetched when focused or pointed at, not when shown, and navigate on the client", async ({ page }) => {
  const documents: string[] = [];
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
    // The router's prefetches carry `Next-Router-Prefetch: 1` (the route's tree and each segment, one request each).
    if (request.headers()["next-router-prefetch"] === "1") prefetched.push(new URL(request.url()).pathname);
  });
  await page.setViewportSize({ width: 1280, height: 2400 }); // every seeded article on screen
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  const articleLinks = page.getByRole("list", { name: "Articles" }).getByRole("link");
  await expect(articleLinks.nth(2)).toBeInViewport();
  const hrefs = await articleLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(1);

  // One route at a time: the router prefetches in a queue, and a route it has learned (an article's) it does not
  // fetch again for a sibling of the same pattern.
  const prefetchAnswered = (path: string) =>
    page.waitForResponse((response) => response.request().headers()["next-router-prefetch"] === "1" && new URL(response.url()).pathname === path);
  const news = articleLinks.and(page.locator(`[href="${NEWS_PATH}"]`));
  const newsAnswered = prefetchAnswered(NEWS_PATH);
  await news.focus();
  await newsAnswered;
  const aboutAnswered = prefetchAnswered("/about");
  await page.getByRole("contentinfo").getByRole("link", { name: "About Gloss" }).hover();
  await aboutAnswered;
  // Every other article on screen since the page started was left alone.
  expect(prefetched.filter((path) => hrefs.includes(path) && path !== NEWS_PATH)).toEqual([]);

  await news.click();
  await expect(page).toHaveURL(NEWS_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meeting with Trump: Syria joins US-led coalition against IS");
  expect(documents, "a client-side navigation loads no new document").toHaveLength(1);
});
