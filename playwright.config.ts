import { defineConfig, devices } from "@playwright/test";
import { findChromium, PLAYWRIGHT_CHROMIUM_ARGS } from "./scripts/lib/chromium";
import { nextStartArgs } from "./scripts/lib/next-server-command";

// `npm test` builds the app, starts the test database and passes both in.
// Run directly (`npx playwright test`), it refuses rather than guess.
const port = Number(process.env.GLOSS_TEST_PORT ?? 0);
if (!port || !process.env.GLOSS_TEST_DATABASE_URL) {
  throw new Error("Run the end-to-end suite through `npm test` (it prepares the test database and build).");
}
const baseURL = `http://localhost:${port}`;
const executablePath = process.env.GLOSS_CHROMIUM ?? findChromium() ?? undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // One browser per core. On the idle two-core machine 4 workers took 285 s against 284 s for 2: the suite
  // already keeps both cores 90-95 % busy (vmstat), nearly all of it Chromium; the server uses ~17 % of one.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // The longest journeys (three readers sharing one note) take ~17 s on an idle machine; a busy one must not fail them.
  timeout: 60_000,
  // Separate per build folder so runs of different checkouts never clear each other's results.
  outputDir: `test-results/${process.env.NEXT_DIST_DIR ?? ".next-test"}`,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    // Recording a trace for every test (to keep the failing ones) cost about a fifth of the suite's
    // CPU and a third of its time on two cores; rerun a failing spec with `--trace on` to get one.
    trace: "off",
    launchOptions: { executablePath, args: PLAYWRIGHT_CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `NEXT_TELEMETRY_DISABLED=1 node ${nextStartArgs(port, "127.0.0.1").map((arg) => JSON.stringify(arg)).join(" ")}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
