import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { Launcher } from "chrome-launcher";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** A Playwright-managed Chromium when installed, else Debian's; null when neither exists. */
export function findChromium(): string | null {
  try {
    const managed = chromium.executablePath();
    if (managed && existsSync(managed)) return managed;
  } catch {
    // No Playwright-managed browser on this machine.
  }
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : null;
}

// Flags this sandboxed, offline machine needs; harmless elsewhere.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Playwright 1.65's own `--disable-features` list. Chromium keeps only the last `--disable-features` switch, so
 * ours must repeat it; chromium.test.ts fails when the installed Playwright's list holds one we lack.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Chromium 156 builds the address bar's popup, two WebUI renderers, for every window, and each Playwright browser
 * context is a window: about 0.55 s of CPU per context on this machine, for a popup no test opens (Puppeteer turns
 * these off by default for the same reason).
 */
const UNUSED_BROWSER_UI_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/** The flags for a Chromium that Playwright launches (the end-to-end suite and the benches that drive a page). */
export const PLAYWRIGHT_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_BROWSER_UI_FEATURES].join(",")}`,
];

/**
 * The flags for the Chromium that Lighthouse launches (through chrome-launcher, whose own flags come first). The
 * popup costs ~0.85 s of CPU in a fresh browser's first seconds, while Lighthouse loads the page it measures.
 */
export function lighthouseChromiumFlags(): string[] {
  const launcherDisabled = Launcher.defaultFlags()
    .filter((flag) => flag.startsWith("--disable-features="))
    .flatMap((flag) => flag.slice("--disable-features=".length).split(","));
  return ["--headless=new", ...CHROMIUM_ARGS, `--disable-features=${[...launcherDisabled, ...UNUSED_BROWSER_UI_FEATURES].join(",")}`];
}
