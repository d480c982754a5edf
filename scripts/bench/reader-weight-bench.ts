import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../lib/chromium";

interface ResourceWeight {
  scripts: number;
  scriptsDecoded: number;
  scriptCount: number;
  total: number;
}

/**
 * What a first visit to the reader downloads, as the browser counts it
 * (Resource Timing transferSize: compressed bytes on the wire, headers
 * included), once the annotation layer has loaded too.
 */
export async function runReaderWeightBench(baseUrl: string, slug: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/articles/${slug}`, { waitUntil: "networkidle" });
    await page.waitForFunction(() => performance.getEntriesByName("gloss:highlights-painted").length > 0);
    const weight = await page.evaluate((): ResourceWeight => {
      const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = entries.filter((entry) => entry.initiatorType === "script" || entry.name.endsWith(".js"));
      return {
        scripts: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
        scriptsDecoded: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        scriptCount: scripts.length,
        total: entries.reduce((sum, entry) => sum + entry.transferSize, navigation.transferSize),
      };
    });
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    return [
      "## Reader first visit",
      "",
      `A fresh browser opens \`/articles/${slug}\` signed out and waits until the annotation layer has loaded (Chromium Resource Timing).`,
      "",
      "| what | size |",
      "| --- | ---: |",
      `| JavaScript, compressed on the wire (${weight.scriptCount} files) | ${kb(weight.scripts)} |`,
      `| JavaScript, uncompressed | ${kb(weight.scriptsDecoded)} |`,
      `| everything (HTML, CSS, fonts, JS), on the wire | ${kb(weight.total)} |`,
    ].join("\n");
  } finally {
    await browser.close();
  }
}
