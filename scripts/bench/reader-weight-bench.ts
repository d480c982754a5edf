import { readFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { findChromium, PLAYWRIGHT_CHROMIUM_ARGS } from "../lib/chromium";

interface Resource {
  path: string;
  transfer: number;
  decoded: number;
}

interface FirstVisit {
  /** Scripts the HTML names (loaded before the page is interactive). */
  criticalScripts: Resource[];
  /** Scripts loaded after hydration (next/dynamic chunks: the annotation layer, the toaster). */
  laterScripts: Resource[];
  fonts: Resource[];
  stylesheets: Resource[];
  /** What holds the first paint: stylesheets and synchronous scripts in <head>. */
  renderBlocking: string[];
  total: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (resources: Resource[], key: "transfer" | "decoded") => resources.reduce((total, resource) => total + resource[key], 0);

/** A first visit as the browser counts it (Resource Timing: transfer = compressed bytes on the wire, headers included). */
async function firstVisit(baseUrl: string, slug: string): Promise<FirstVisit> {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: PLAYWRIGHT_CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/articles/${slug}`, { waitUntil: "networkidle" });
    await page.waitForFunction(() => performance.getEntriesByName("gloss:highlights-painted").length > 0);
    const html = await (await page.request.get(`${baseUrl}/articles/${slug}`)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    // Every script the HTML names: in script tags and preloads, and in the list of the loader that adds Next's
    // scripts after the first paint on a cached page (lib/cache/scripts-after-paint.ts). Not in the flight data,
    // where the quotes are escaped.
    const htmlScripts = new Set([...html.matchAll(/"(\/_next\/[^"\\]+\.js)"/g)].map((match) => match[1]!));
    const renderBlocking = [
      ...[...head.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]!),
      ...[...head.matchAll(/<script(?![^>]*\b(?:async|defer|nomodule)\b)[^>]* src="([^"]+)"/gi)].map((match) => match[1]!),
    ];
    const { resources, navigation } = await page.evaluate(() => ({
      resources: (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((entry) => ({
        path: new URL(entry.name).pathname,
        transfer: entry.transferSize,
        decoded: entry.decodedBodySize,
      })),
      navigation: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).transferSize,
    }));
    const scripts = resources.filter((resource) => resource.path.endsWith(".js"));
    return {
      criticalScripts: scripts.filter((script) => htmlScripts.has(script.path)),
      laterScripts: scripts.filter((script) => !htmlScripts.has(script.path)),
      fonts: resources.filter((resource) => resource.path.endsWith(".woff2")),
      stylesheets: resources.filter((resource) => resource.path.endsWith(".css")),
      renderBlocking,
      total: resources.reduce((total, resource) => total + resource.transfer, navigation),
    };
  } finally {
    await browser.close();
  }
}

/** The npm package (or our own code) a bundled source file comes from. */
function packageOf(source: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (match) return match[1]!;
  return /\b(app|components|lib)\//.test(source) ? "Gloss (app, components, lib)" : "bundler runtime and other";
}

/**
 * Minified bytes per package in the given chunks, from the build's source maps
 * (the bench build has them: GLOSS_BENCH=1 turns on productionBrowserSourceMaps).
 */
async function bytesByPackage(distDir: string, scripts: Resource[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const script of scripts) {
    const file = path.join(distDir, script.path.replace(/^\/_next\//, ""));
    const code = await readFile(file, "utf8");
    const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    if (!mapName) throw new Error(`no source map for ${script.path}: the bench build must have productionBrowserSourceMaps on`);
    const map = await readFile(path.join(path.dirname(file), mapName), "utf8");
    const lines = code.split("\n");
    const consumer = new SourceMapConsumer(JSON.parse(map) as RawSourceMap);
    const mappings: { line: number; column: number; source: string | null }[] = [];
    consumer.eachMapping((mapping) => mappings.push({ line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source }));
    let mapped = 0;
    mappings.forEach((mapping, index) => {
      const next = mappings[index + 1];
      const end = next && next.line === mapping.line ? next.column : lines[mapping.line - 1]!.length;
      const name = mapping.source ? packageOf(mapping.source) : "bundler runtime and other";
      totals.set(name, (totals.get(name) ?? 0) + end - mapping.column);
      mapped += end - mapping.column;
    });
    const unmapped = code.length - mapped;
    totals.set("bundler runtime and other", (totals.get("bundler runtime and other") ?? 0) + unmapped);
  }
  return totals;
}

function packageTable(critical: Map<string, number>, later: Map<string, number>): string[] {
  const names = [...new Set([...critical.keys(), ...later.keys()])];
  names.sort((a, b) => (critical.get(b) ?? 0) + (later.get(b) ?? 0) - ((critical.get(a) ?? 0) + (later.get(a) ?? 0)));
  const cell = (bytes: number | undefined) => (bytes ? kb(bytes) : "–");
  return [
    "| package | before interactive (minified) | loaded later (minified) |",
    "| --- | ---: | ---: |",
    ...names.slice(0, 14).map((name) => `| ${name} | ${cell(critical.get(name))} | ${cell(later.get(name))} |`),
  ];
}

/**
 * What a first visit to the reader downloads once the annotation layer has
 * loaded too, split into what the HTML asks for (before the page is
 * interactive) and what loads after; with the bundle's packages by size.
 */
/**
 * Until every script and style sheet of `visit` comes from the server's compressed copies: each file's first request
 * starts its compression (lib/http/precompressed-static.ts), and Next answers until the copies are ready.
 */
async function waitForCompressedCopies(baseUrl: string, visit: FirstVisit): Promise<void> {
  for (const file of [...visit.criticalScripts, ...visit.laterScripts, ...visit.stylesheets]) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${baseUrl}${file.path}`, { headers: { "accept-encoding": "br, gzip" } });
      await response.arrayBuffer();
      if (response.headers.get("content-encoding") === "br") break;
      if (attempt > 100) throw new Error(`${file.path} never came from the compressed copies`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function runReaderWeightBench(baseUrl: string, slug: string, distDir: string): Promise<string> {
  const serversFirst = await firstVisit(baseUrl, slug);
  await waitForCompressedCopies(baseUrl, serversFirst);
  const visit = await firstVisit(baseUrl, slug);
  const [critical, later] = await Promise.all([bytesByPackage(distDir, visit.criticalScripts), bytesByPackage(distDir, visit.laterScripts)]);
  const allScripts = [...visit.criticalScripts, ...visit.laterScripts];
  return [
    "## Reader first visit",
    "",
    `A fresh browser opens \`/articles/${slug}\` signed out and waits until the annotation layer has loaded (Chromium Resource Timing; sizes on the wire, compressed, headers included). ` +
      "Measured on the server's second visitor: the first one's requests start the compression of each script and style sheet (Brotli, once per server), and Next gzips them until the copies are ready; that first visit is the line under the table. " +
      "Goals: JavaScript ≤ 150 KB compressed, fonts ≤ 60 KB, nothing render-blocking but one small stylesheet.",
    "",
    "| what | files | on the wire | uncompressed |",
    "| --- | ---: | ---: | ---: |",
    `| JavaScript the HTML asks for (before the page is interactive) | ${visit.criticalScripts.length} | ${kb(sum(visit.criticalScripts, "transfer"))} | ${kb(sum(visit.criticalScripts, "decoded"))} |`,
    `| JavaScript loaded after hydration (annotation layer, toaster) | ${visit.laterScripts.length} | ${kb(sum(visit.laterScripts, "transfer"))} | ${kb(sum(visit.laterScripts, "decoded"))} |`,
    `| **JavaScript, all** | ${allScripts.length} | **${kb(sum(allScripts, "transfer"))}** | ${kb(sum(allScripts, "decoded"))} |`,
    `| **Fonts** (${visit.fonts.map((font) => path.basename(font.path).replace(/\.[0-9a-f]+\.woff2$/, "")).join(", ")}) | ${visit.fonts.length} | **${kb(sum(visit.fonts, "transfer"))}** | ${kb(sum(visit.fonts, "decoded"))} |`,
    `| Stylesheets | ${visit.stylesheets.length} | ${kb(sum(visit.stylesheets, "transfer"))} | ${kb(sum(visit.stylesheets, "decoded"))} |`,
    `| everything (HTML, CSS, fonts, JS) | | ${kb(visit.total)} | |`,
    "",
    `The server's very first visitor (gzip from Next): JavaScript before interactive ${kb(sum(serversFirst.criticalScripts, "transfer"))}, all ${kb(sum([...serversFirst.criticalScripts, ...serversFirst.laterScripts], "transfer"))}, stylesheets ${kb(sum(serversFirst.stylesheets, "transfer"))}.`,
    "",
    `Render-blocking requests: ${visit.renderBlocking.length} (${visit.renderBlocking.map((url) => `\`${path.basename(url)}\``).join(", ") || "none"}).`,
    "",
    "Bundle analysis: minified bytes per package in the scripts above, from the bench build's source maps.",
    "",
    ...packageTable(critical, later),
  ].join("\n");
}
