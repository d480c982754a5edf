import { chromium, type Browser } from "@playwright/test";
import { Launcher } from "chrome-launcher";
import { afterEach, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium, lighthouseChromiumFlags, PLAYWRIGHT_CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from "./chromium";

let browser: Browser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function launch(args: string[]): Promise<Browser> {
  browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args });
  return browser;
}

/** The `--disable-features` value the running browser was started with, as chrome://version shows it. */
async function disabledFeatures(running: Browser): Promise<string[]> {
  const page = await running.newPage();
  await page.goto("chrome://version");
  const commandLine = (await page.locator("#command_line").textContent()) ?? "";
  const switches = [...commandLine.matchAll(/--disable-features=(\S+)/g)];
  return switches.at(-1)?.[1]?.split(",") ?? [];
}

describe("the Chromium that Playwright launches", () => {
  it("still disables every feature the installed Playwright disables by default", async () => {
    const playwrightDefaults = await disabledFeatures(await launch(CHROMIUM_ARGS));
    expect(playwrightDefaults.length).toBeGreaterThan(5);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(playwrightDefaults));
    expect(await disabledFeatures(await launch(PLAYWRIGHT_CHROMIUM_ARGS))).toEqual(expect.arrayContaining(playwrightDefaults));
  });

  it("builds no address-bar popup for a new browser context", async () => {
    const running = await launch(PLAYWRIGHT_CHROMIUM_ARGS);
    const context = await running.newContext();
    await (await context.newPage()).setContent("<p>A page</p>");
    const session = await running.newBrowserCDPSession();
    const { targetInfos } = await session.send("Target.getTargets");
    expect(targetInfos.map((target) => target.url)).toEqual(["about:blank"]);
  });
});

describe("the Chromium that Lighthouse launches", () => {
  it("keeps chrome-launcher's disabled features and builds no address-bar popup", async () => {
    const launcher = new Launcher({ chromePath: findChromium() ?? undefined, chromeFlags: lighthouseChromiumFlags() });
    await launcher.launch();
    try {
      const version = (await (await fetch(`http://127.0.0.1:${launcher.port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
      const running = await chromium.connectOverCDP(version.webSocketDebuggerUrl);
      const launcherDefaults = Launcher.defaultFlags().find((flag) => flag.startsWith("--disable-features="))!.split("=")[1]!.split(",");
      expect(await disabledFeatures(running)).toEqual(expect.arrayContaining([...launcherDefaults, "WebUIOmniboxPopup"]));
      const targets = (await (await fetch(`http://127.0.0.1:${launcher.port}/json/list`)).json()) as { url: string }[];
      expect(targets.map((target) => target.url).filter((url) => url.includes("omnibox"))).toEqual([]);
    } finally {
      launcher.kill();
    }
  });
});
