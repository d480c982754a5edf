/**
 * How fast the reader paints highlights, in Chromium: the whole set of a
 * reader with many annotations when the article opens, and one new
 * highlight after the click on "Highlight". Reads the performance marks the
 * annotation layer sets (components/annotations/ui/annotation-layer.tsx).
 *
 * Needs a running production server whose DATABASE_URL is also this
 * process's (the reader and their annotations are seeded straight into it).
 */
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { findChromium, PLAYWRIGHT_CHROMIUM_ARGS } from "../lib/chromium";
import { seedReaderAnnotations } from "./seed-reader-annotations";
import { median } from "./summary-statistics";

export interface ReaderPaintBenchOptions {
  /** The article to annotate: the longest seed by default. */
  slug?: string;
  annotations?: number;
  /** Timed page loads, and timed new highlights. */
  runs?: number;
}

interface Timing {
  /** Script work: from the cause (data arrived, click) to the highlight set changed. */
  script: number;
  /** From the same cause until the next frame has been produced: the change is on screen. */
  frame: number;
}

// Runs in the page before any of its scripts: notes when the frame after each
// benchmark mark has been produced. A message posted from a requestAnimationFrame
// callback is delivered once that frame's rendering is done (the usual "after
// next paint" probe). performance.mark is wrapped rather than observed, since
// PerformanceObserver callbacks may arrive frames later. Plain JavaScript in a
// string: a transpiled function could reference helpers the page doesn't have.
const OBSERVE_MARKS = `
  window.__glossFrames = {};
  const original = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const mark = original(name, options);
    if (name.startsWith("gloss:")) {
      requestAnimationFrame(function () {
        const channel = new MessageChannel();
        channel.port1.onmessage = function () {
          (window.__glossFrames[name] = window.__glossFrames[name] || []).push(performance.now());
        };
        channel.port2.postMessage(null);
      });
    }
    return mark;
  };
`;

async function signIn(context: BrowserContext, email: string, password: string) {
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
  const session = (await (await context.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  if (session.user?.email !== email) throw new Error("bench reader could not sign in");
}

async function timeFullPaint(page: Page, url: string, expected: number): Promise<Timing> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __glossFrames: Record<string, number[]> }).__glossFrames["gloss:highlights-painted"]?.length);
  return page.evaluate((expected) => {
    const colours = ["yellow", "green", "blue", "pink", "purple"];
    const painted = colours.reduce((sum, colour) => sum + (CSS.highlights.get(`gloss-${colour}`)?.size ?? 0), 0);
    if (painted !== expected) throw new Error(`${painted} highlights painted, ${expected} expected`);
    const loaded = performance.getEntriesByName("gloss:annotations-loaded")[0]!.startTime;
    const measure = performance.getEntriesByName("gloss:highlights-paint")[0]!;
    const frame = (window as unknown as { __glossFrames: Record<string, number[]> }).__glossFrames["gloss:highlights-painted"]![0]!;
    return { script: measure.duration, frame: frame - loaded };
  }, expected);
}

async function timeNewHighlight(page: Page, run: number): Promise<Timing> {
  // Select a different sentence each time, as a reader's long-press or drag would.
  await page.evaluate((run) => {
    const root = document.querySelector("[data-article-text]")!;
    const paragraphs = root.querySelectorAll("p");
    const paragraph = paragraphs[(run * 3) % paragraphs.length]!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.addEventListener("click", (event) => ((window as unknown as { __glossClickAt: number }).__glossClickAt = event.timeStamp), {
      capture: true,
      once: true,
    });
  }, run);
  const before = await page.evaluate(() => performance.getEntriesByName("gloss:highlight-added").length);
  await page.getByRole("toolbar", { name: "Highlight selection" }).getByRole("button", { name: "Highlight" }).click();
  await page.waitForFunction(
    (before) => ((window as unknown as { __glossFrames: Record<string, number[]> }).__glossFrames["gloss:highlight-added"]?.length ?? 0) > before,
    before,
  );
  return page.evaluate((before) => {
    const clickAt = (window as unknown as { __glossClickAt: number }).__glossClickAt;
    const added = performance.getEntriesByName("gloss:highlight-added")[before]!.startTime;
    const frame = (window as unknown as { __glossFrames: Record<string, number[]> }).__glossFrames["gloss:highlight-added"]![before]!;
    return { script: added - clickAt, frame: frame - clickAt };
  }, before);
}

function row(label: string, timings: Timing[], goal: string): string {
  const scripts = timings.map((t) => t.script);
  const frames = timings.map((t) => t.frame);
  const ms = (value: number) => value.toFixed(1);
  return `| ${label} | ${ms(median(scripts))} | ${ms(Math.max(...scripts))} | ${ms(median(frames))} | ${ms(Math.max(...frames))} | ${goal} |`;
}

export async function runReaderPaintBench(baseUrl: string, options: ReaderPaintBenchOptions = {}): Promise<string> {
  const { slug = "the-reader-in-the-margin", annotations = 1_000, runs = 5 } = options;
  const reader = await seedReaderAnnotations({ slug, count: annotations });
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: PLAYWRIGHT_CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: OBSERVE_MARKS });
    await signIn(context, reader.email, reader.password);
    const page = await context.newPage();
    const url = `/articles/${slug}`;

    await timeFullPaint(page, url, annotations); // warm-up: caches, JIT, fonts
    const loads: Timing[] = [];
    for (let run = 0; run < runs; run++) loads.push(await timeFullPaint(page, url, annotations));
    const additions: Timing[] = [];
    for (let run = 0; run < runs; run++) additions.push(await timeNewHighlight(page, run));

    return [
      "## Reader highlight painting",
      "",
      `Chromium (Playwright, headless), 1280×800, one reader with ${reader.annotations.toLocaleString("en")} annotations ` +
        `(1–12 words each, overlapping) on \`${url}\` (${reader.textLength.toLocaleString("en")} characters of text); ${runs} timed runs after a warm-up.`,
      "“Script” ends at the layer's performance mark (highlights set in `CSS.highlights`); “drawn” when the next frame has been produced.",
      "",
      "| | script, median (ms) | script, max (ms) | drawn, median (ms) | drawn, max (ms) | goal |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      row(`Open: all ${reader.annotations.toLocaleString("en")} highlights, from data arrived`, loads, "< 100 ms"),
      row("New highlight, from the click on “Highlight”", additions, "< 100 ms"),
    ].join("\n");
  } finally {
    await browser.close();
  }
}
