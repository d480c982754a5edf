import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/accounts";
import { createAnnotationViaApi, ESSAY_PATH, NEWS_PATH, waitForLayer } from "./fixtures/annotations";
import { cachedResponse } from "./fixtures/page-cache";
import { EAGER_COMPILE_HINT } from "../scripts/lib/compile-hints";
import { HYDRATED_ATTRIBUTE } from "@/lib/hydrated-attribute";

/**
 * What a first visit evaluates, kept small because every module evaluated after hydration is main-thread time on a
 * phone (BENCHMARKS.md, Lighthouse): the annotation layer and the notebook call the API without evaluating zod (its
 * schemas load only to read an error's envelope), sonner loads on the first toast or the first interaction, and the
 * notebook's first page and the share page's card, rendered on the server, need no Markdown renderer in the browser.
 */

const PASSAGE = "A marginal note is written by a reader, for that reader, in the moment of reading";

const zodEvaluated = (page: Page) => page.evaluate(() => "__zod_globalConfig" in globalThis);
const toaster = (page: Page) => page.getByRole("region", { name: /^Notifications/ });

test("the reader, the share page and the notebook evaluate neither zod nor sonner on a first visit", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  const note = await createAnnotationViaApi(page.request, page, { phrase: PASSAGE, note: "Compare with **palimpsests**." });

  const markdownRenderers: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().endsWith(".js")) return;
    if ((await response.text().catch(() => "")).includes("unwrapDisallowed")) markdownRenderers.push(new URL(page.url()).pathname);
  });

  for (const path of [`/n/${note.id}`, "/notebook", ESSAY_PATH]) {
    await page.goto(path);
    if (path === "/notebook") await expect(page.getByRole("region", { name: "Your notes" }).locator("strong")).toHaveText("palimpsests");
    else await waitForLayer(page);
    if (path.startsWith("/n/")) await expect(page.getByRole("dialog").locator("strong")).toHaveText("palimpsests");
    await page.waitForLoadState("networkidle");
    expect(await zodEvaluated(page), path).toBe(false);
    await expect(toaster(page), path).toHaveCount(0);
  }
  // The share page's card and the notebook's first page show their notes as the server rendered them.
  expect(markdownRenderers).toEqual([]);

  // On the reader, the first interaction loads sonner, so that its live region is in place before an action is answered.
  await page.keyboard.press("Shift");
  await expect(toaster(page)).toHaveCount(1);
  expect(await zodEvaluated(page)).toBe(false);
});

test("every page preloads the body's face and the interface's, and no other", async ({ page }) => {
  const preloadedFonts = async (path: string) => {
    const html = await (await page.request.get(path)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    return [...head.matchAll(/<link rel="preload" href="\/fonts\/([a-z0-9-]+)\.[0-9a-f]+\.woff2" as="font"/g)].map((match) => match[1]);
  };
  // The library opens on the Arabic essay, whose face is still found through the stylesheet: a preload on one page
  // would reach every page that prefetches it (the header links to the library), 34 KB more on each first visit.
  for (const path of [ESSAY_PATH, "/"]) expect(await preloadedFonts(path), path).toEqual(["source-serif-4-core-normal", "inter-core-normal"]);
});

test("a first visit to the reader fetches no Arabic face, the library prefetched", async ({ page }) => {
  const fonts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "font") fonts.push(new URL(request.url()).pathname);
  });
  const libraryPrefetched = page.waitForResponse((response) => new URL(response.url()).pathname === "/" && !!response.request().headers()["rsc"]);
  await page.goto(ESSAY_PATH);
  await expect(page.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  // Links prefetch on intent (components/ui/intent-prefetch-link.tsx): pointing at the header's link prefetches the library.
  await page.getByRole("banner").getByRole("link", { name: "Gloss", exact: true }).hover();
  await libraryPrefetched;
  await page.waitForLoadState("networkidle");
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((font) => font.includes("naskh"))).toEqual([]);
});

/** Next's scripts this page fetched, those that started before its first contentful paint, and any added twice. */
const scriptsFetched = (page: Page) =>
  page.evaluate(() => {
    const firstPaint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Infinity;
    const scripts = performance.getEntriesByType("resource").filter((entry) => /\/_next\/.*\.js$/.test(new URL(entry.name).pathname));
    const elements = [...document.querySelectorAll("script[src]")].map((script) => script.getAttribute("src")!);
    return {
      all: scripts.length,
      beforeFirstPaint: scripts.filter((entry) => entry.startTime < firstPaint).map((entry) => entry.name),
      addedTwice: elements.filter((src, index) => elements.indexOf(src) !== index),
    };
  });

/**
 * From before a page's first script: the scripts added to the document, in groups of those added in one task (a
 * MutationObserver is told once per task, of every node the task added).
 */
async function recordScriptsAddedPerTask(page: Page) {
  await page.addInitScript(() => {
    const groups: string[][] = [];
    (window as unknown as { scriptsAddedPerTask: string[][] }).scriptsAddedPerTask = groups;
    new MutationObserver((records) => {
      const added = records.flatMap((record) => [...record.addedNodes]).filter((node) => node instanceof HTMLScriptElement && node.src);
      if (added.length > 0) groups.push(added.map((script) => new URL((script as HTMLScriptElement).src).pathname));
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The scripts the page's loader (lib/cache/scripts-after-paint.ts) adds, and how many it added in each task. */
const loaderScriptsPerTask = (page: Page) =>
  page.evaluate(() => {
    const loader = [...document.scripts].map((script) => script.text).find((text) => text.startsWith("(function(){var d=document"));
    const listed = JSON.parse(/u=(\[[^\]]*\])/.exec(loader ?? "")?.[1] ?? "[]") as string[];
    const groups = (window as unknown as { scriptsAddedPerTask: string[][] }).scriptsAddedPerTask;
    return { listed, perTask: groups.map((group) => group.filter((src) => listed.includes(src)).length).filter((count) => count > 0) };
  });

/**
 * Opens `path` and expects Next's scripts fetched, none before the first contentful paint, none added twice, and the
 * loader's added one a task (recordScriptsAddedPerTask before).
 */
async function expectScriptsOnlyAfterFirstPaint(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const fetched = await scriptsFetched(page);
  expect(fetched.all, path).toBeGreaterThan(0);
  expect(fetched.beforeFirstPaint, path).toEqual([]);
  // Hydration finds the loader's scripts and adds none of them again (each would run twice).
  expect(fetched.addedTwice, path).toEqual([]);
  // Each a short task of its own: all of them in one were a task of 8–47 ms at the first paint (BENCHMARKS.md, Lighthouse).
  const { listed, perTask } = await loaderScriptsPerTask(page);
  expect(listed.length, path).toBeGreaterThan(1);
  expect(perTask, path).toEqual(listed.map(() => 1));
}

test("a page from the cache fetches Next's scripts only after its first contentful paint, one a task, and still hydrates", async ({ page }) => {
  // lib/cache/scripts-after-paint.ts: text first, so that a slow connection spends nothing on scripts before it.
  await recordScriptsAddedPerTask(page);
  for (const path of [ESSAY_PATH, "/"]) {
    const html = await (await cachedResponse(page.request, path)).text();
    expect(html, path).not.toMatch(/<script src="\/_next\/[^"]*" async/);
    await expectScriptsOnlyAfterFirstPaint(page, path);
  }
  // Hydrated: the library's links navigate within the page (the marker survives), and the reader's annotation layer is up.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole("link", { name: "Meeting with Trump: Syria joins US-led coalition against IS", exact: true }).click();
  await expect(page).toHaveURL(NEWS_PATH);
  await waitForLayer(page);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test("a page rendered per request fetches Next's scripts only after its first contentful paint, and still hydrates", async ({ signedInPage: page }) => {
  // lib/http/streamed-scripts-after-paint.ts: the same loader, written into the stream, with the page's nonce.
  await recordScriptsAddedPerTask(page);
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  const note = await createAnnotationViaApi(page.request, page, { phrase: PASSAGE, note: "Compare with **palimpsests**." });
  for (const path of [`/n/${note.id}`, "/notebook"]) {
    const response = await page.request.get(path);
    const html = await response.text();
    expect(html, path).not.toMatch(/<script src="\/_next\/[^"]*" async/);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    if (path.startsWith("/n/")) expect(html, path).toContain(`<script nonce="${nonce}">(function(){var d=document`);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await expectScriptsOnlyAfterFirstPaint(page, path);
    expect(violations, path).toEqual([]);
  }
  // Hydrated: the notebook's search answers as you type, and the share page's card opened on its note.
  await page.getByRole("searchbox", { name: "Search your notes" }).fill("palimps");
  await expect(page).toHaveURL(/q=palimps/);
  await page.goto(`/n/${note.id}`);
  await expect(page.getByRole("dialog").locator("strong")).toHaveText("palimpsests");
});

test("every script of a first visit starts with V8's eager-compile hint, and the page still hydrates", async ({ page }) => {
  // scripts/lib/compile-hints.ts: compiled while streamed, off the main thread, not function by function at start-up.
  const scripts: Promise<{ url: string; text: string }>[] = [];
  page.on("response", (response) => {
    if (/\/_next\/static\/chunks\/.*\.js$/.test(response.url())) scripts.push(response.text().then((text) => ({ url: response.url(), text })));
  });
  await page.goto(ESSAY_PATH);
  await waitForLayer(page);
  const fetched = await Promise.all(scripts);
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.filter(({ text }) => !text.startsWith(EAGER_COMPILE_HINT)).map(({ url }) => url)).toEqual([]);
});
