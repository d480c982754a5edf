import type { Page } from "@playwright/test";
import { HYDRATED_ATTRIBUTE } from "@/lib/hydrated-attribute";
import { expect, test } from "./fixtures/accounts";
import { createAnnotationViaApi, NEWS, NEWS_PATH, waitForLayer } from "./fixtures/annotations";
import { cachedResponse } from "./fixtures/page-cache";

/**
 * Next's scripts load after the first paint (lib/cache/scripts-after-paint.ts), so a reader can press a button on a
 * painted page that is not hydrated yet. Here Next's chunks are held until the reader has acted: the loader holds
 * each press and replays it at the hydration mark, and hands React what was typed or chosen, so every action takes
 * effect once the scripts arrive.
 */

/**
 * Opens `path` with Next's scripts held back: painted, not hydrated. Returns what lets them through. A page that can be
 * cached is opened once it is (a page rendered afresh carries Next's own script tags, lib/cache/page-cache.ts).
 */
async function openBeforeHydration(page: Page, path: string): Promise<() => Promise<void>> {
  if (path !== "/notebook") await cachedResponse(page.request, path);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.*\.js(\?.*)?$/, async (route) => {
    await released;
    await route.continue();
  });
  // The held scripts delay the `load` event: the page is there once its text is painted.
  await page.goto(path, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  return async () => {
    release();
    await expect(page.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  };
}

const notHydrated = (page: Page) => expect(page.locator("html")).not.toHaveAttribute(HYDRATED_ATTRIBUTE);

test("the theme toggle pressed before hydration switches the theme once the scripts arrive, once for a double press", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  // Not the library: tests beside this one import articles, and each import renders it afresh.
  for (const path of [NEWS_PATH, "/about"]) {
    const hydrate = await openBeforeHydration(page, path);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await toggle.click();
    await toggle.click();
    await notHydrated(page);
    await expect(page.locator("html"), path).not.toHaveClass(/\bdark\b/);
    await hydrate();
    await expect(page.locator("html"), path).toHaveClass(/\bdark\b/);
    await expect(toggle, path).toHaveAttribute("aria-pressed", "true");
    // Back to light for the next page (hydrated now: one press, one switch).
    await toggle.click();
    await expect(page.locator("html"), path).not.toHaveClass(/\bdark\b/);
    await page.unrouteAll();
  }
});

test("the notebook's Export, Import, file input, search and filters used before hydration act once the scripts arrive", async ({ signedInPage: page }) => {
  await page.goto(NEWS_PATH);
  await waitForLayer(page);
  await createAnnotationViaApi(page.request, page, { phrase: "coalition", slug: NEWS, color: "blue", note: "Follow up on the treaty." });
  await createAnnotationViaApi(page.request, page, { phrase: "Syria", slug: NEWS, note: "A palimpsest of alliances." });
  const entries = page.getByRole("region", { name: "Your notes" }).getByRole("article");

  let hydrate = await openBeforeHydration(page, "/notebook");
  await page.getByRole("button", { name: "Export" }).click();
  await notHydrated(page);
  await hydrate();
  await expect(page.getByRole("menu", { name: "Export format" })).toBeVisible();
  await page.unrouteAll();

  hydrate = await openBeforeHydration(page, "/notebook");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await notHydrated(page);
  const fileChooser = page.waitForEvent("filechooser");
  await hydrate();
  expect((await fileChooser).isMultiple()).toBe(false);
  await page.unrouteAll();

  hydrate = await openBeforeHydration(page, "/notebook");
  await expect(entries).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search your notes" }).pressSequentially("palimps");
  await page.getByRole("combobox", { name: "Colour" }).selectOption("yellow");
  const refused = { format: "gloss-notebook", version: 1, annotations: [{ id: "nope", articleUrl: "http://x", quote: { exact: "a" } }] };
  await page.getByLabel("Import file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(refused)) });
  await notHydrated(page);
  await hydrate();
  await expect(page.getByRole("status").filter({ hasText: "items.0.id" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=palimps/);
  await expect(page).toHaveURL(/[?&]color=yellow/);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("A palimpsest of alliances.");
  await expect(page.getByRole("searchbox", { name: "Search your notes" })).toHaveValue("palimps");
  // React holds the typed text now: the next key adds to it.
  await page.getByRole("searchbox", { name: "Search your notes" }).press("Backspace");
  await expect(page).toHaveURL(/[?&]q=palimp(&|$)/);
});

test("a file chosen once React listens but before the hydration mark is imported once, at the mark", async ({ signedInPage: page }) => {
  await page.goto(NEWS_PATH);
  await waitForLayer(page);
  await createAnnotationViaApi(page.request, page, { phrase: "coalition", slug: NEWS, note: "Chosen in the gap." });
  const file = await (await page.request.get("/api/annotations/export?format=json")).body();
  const listed = (await (await page.request.get("/api/annotations")).json()) as { annotations: { id: string }[] };
  for (const { id } of listed.annotations) expect((await page.request.delete(`/api/annotations/${id}`)).status()).toBe(204);

  // The page hydrates, but its mark waits for the test: the gap in which React already handles events and the
  // loader still notes them for its replay.
  await page.addInitScript((attribute) => {
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name: string, value: string) {
      if (this !== document.documentElement || name !== attribute) return setAttribute.call(this, name, value);
      (window as unknown as { markHydrated: () => void }).markHydrated = () => setAttribute.call(this, name, value);
    };
  }, HYDRATED_ATTRIBUTE);
  let imports = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/annotations/import") imports++;
  });
  await page.goto("/notebook");
  await page.waitForFunction(() => {
    const input = document.querySelector("input[type=file]");
    return "markHydrated" in window && input !== null && Object.keys(input).some((key) => key.startsWith("__reactProps"));
  });
  await page.getByLabel("Import file").setInputFiles({ name: "gloss-notebook.json", mimeType: "application/json", buffer: file });
  await notHydrated(page);
  await page.evaluate(() => (window as unknown as { markHydrated: () => void }).markHydrated());
  await expect(page.getByRole("status").filter({ hasText: "1 imported, 0 detached" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your notes" }).getByRole("article")).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  expect(imports).toBe(1);
  await expect(page.getByRole("status").filter({ hasText: "1 imported, 0 detached" })).toBeVisible();
});

test("a page whose paint is never reported starts its scripts at the reader's first key, not later", async ({ page }) => {
  // No paint report, and no fallback (the loader's 5 s timer is dropped): only the reader's interaction is left.
  await page.addInitScript(() => {
    const Observer = window.PerformanceObserver;
    window.PerformanceObserver = class extends Observer {
      observe() {}
    };
    const setTimer = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) =>
      delay === 5000 ? 0 : setTimer(handler, delay, ...rest)) as typeof window.setTimeout;
  });
  const scriptsAt: number[] = [];
  page.on("request", (request) => {
    if (/\/_next\/static\/.*\.js/.test(request.url())) scriptsAt.push(Date.now());
  });
  await cachedResponse(page.request, NEWS_PATH);
  await page.goto(NEWS_PATH, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(scriptsAt).toEqual([]);
  const pressedAt = Date.now();
  await page.keyboard.press("Tab");
  await expect(page.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  expect(scriptsAt.length).toBeGreaterThan(0);
  expect(Math.min(...scriptsAt)).toBeGreaterThanOrEqual(pressedAt);
});
