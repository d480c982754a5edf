import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { expect as baseExpect, type BrowserContext, type Page } from "@playwright/test";
import { DATA_DIR } from "../scripts/lib/bootstrap";
import { findFreePort, startEmbeddedDatabase, type RunningDatabase } from "../scripts/lib/embedded-database";
import { createUser, expect, signIn, test } from "./fixtures/accounts";
import { card, createAnnotationViaApi, dragSelect, ESSAY_PATH, panel, pointInPhrase, toolbar, waitForLayer } from "./fixtures/annotations";
import { expectNoAxeViolations } from "./fixtures/axe";
import { queryTestDatabase } from "./fixtures/test-database";

/**
 * The outbox (components/annotations/outbox): writes made without a
 * connection, or while PostgreSQL is down, are kept in the browser and saved
 * exactly once when the server can take them, even after the tab was closed.
 */
const ROOT = path.join(__dirname, "..");
const screenshots = (name: string) => path.join(ROOT, "test-results", "outbox", `${name}.png`);

async function rowsOf(email: string, databaseUrl?: string) {
  return queryTestDatabase<{ exact: string; note: string | null; version: number }>(
    `SELECT a.exact, a.note, a.version FROM annotations a JOIN users u ON u.id = a.author_id WHERE u.email = $1 ORDER BY a.exact`,
    [email],
    databaseUrl,
  );
}

async function writeNote(page: Page, text: string) {
  await card(page).getByRole("textbox", { name: "Note" }).fill(text);
  await card(page).getByRole("button", { name: "Save" }).click();
}

test("writes made offline survive closing the tab and are saved exactly once when the reader is back", async ({ signedInPage: page, context, user }) => {
  test.setTimeout(60_000);
  await page.goto(ESSAY_PATH);
  await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook", note: "Before the train" });
  await page.reload();
  await waitForLayer(page);
  // Online once, so the note's Markdown renderer is loaded, as on any earlier visit.
  await panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ }).click();
  await expect(card(page).getByText("Before the train")).toBeVisible();
  await card(page).getByRole("button", { name: "Close" }).click();

  await context.setOffline(true);
  await dragSelect(page, "caught with a pencil in a book");
  await toolbar(page).getByRole("button", { name: "Highlight" }).click();

  await dragSelect(page, "secondhand novel");
  await toolbar(page).getByRole("button", { name: "Add note" }).click();
  await writeNote(page, "Written on the train.");

  const point = await pointInPhrase(page, "Perhaps it was a schoolbook");
  await page.mouse.click(point.x, point.y);
  await card(page).getByRole("button", { name: "Edit" }).click();
  await writeNote(page, "Edited in a tunnel.");
  await expect(card(page).getByRole("status")).toHaveText("Offline — will save when you're back", { timeout: 10_000 });
  await card(page).screenshot({ path: screenshots("offline-card") });
  await expect(panel(page).getByRole("status")).toHaveCount(3);
  await panel(page).screenshot({ path: screenshots("offline-panel") });

  // Nothing has reached the server, and the tab goes away while still offline.
  expect(await rowsOf(user.email)).toEqual([{ exact: "Perhaps it was a schoolbook", note: "Before the train", version: 1 }]);
  await page.close();
  await context.setOffline(false);

  const again = await context.newPage();
  await again.goto(ESSAY_PATH);
  await waitForLayer(again);
  await expect
    .poll(() => rowsOf(user.email), { timeout: 20_000 })
    .toEqual([
      { exact: "Perhaps it was a schoolbook", note: "Edited in a tunnel.", version: 2 },
      { exact: "caught with a pencil in a book", note: null, version: 1 },
      { exact: "secondhand novel", note: "Written on the train.", version: 1 },
    ]);
  await expect(panel(again).getByRole("listitem")).toHaveCount(3);
  await expect(panel(again).getByRole("status")).toHaveCount(0);
  const saved = await pointInPhrase(again, "secondhand novel");
  await again.mouse.click(saved.x, saved.y);
  await expect(card(again).getByRole("status")).toHaveText("Saved");
  await card(again).screenshot({ path: screenshots("saved-card") });
});

test("a note typed but not saved comes back after a reload, until it is cancelled", async ({ signedInPage: page }) => {
  await page.goto(ESSAY_PATH);
  await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook" });
  await page.reload();
  await waitForLayer(page);
  await panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ }).click();
  await card(page).getByRole("button", { name: "Add note" }).click();
  await card(page).getByRole("textbox", { name: "Note" }).fill("Half a thought, not saved yet");

  await page.reload();
  await waitForLayer(page);
  await panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ }).click();
  await card(page).getByRole("button", { name: "Add note" }).click();
  await expect(card(page).getByRole("textbox", { name: "Note" })).toHaveValue("Half a thought, not saved yet");
  await card(page).getByRole("button", { name: "Cancel" }).click();
  await card(page).getByRole("button", { name: "Add note" }).click();
  await expect(card(page).getByRole("textbox", { name: "Note" })).toHaveValue("");
});

test("a write the server refuses says why, and is sent again with Retry or taken back with Discard", async ({ signedInPage: page, context, user }) => {
  test.setTimeout(60_000);
  // A live-updates catch-up reloads the list; one sent after the cookies are cleared below would come
  // back signed out, without the note this test edits. This page is cut off from them.
  await page.route("**/api/articles/*/events*", (route) => route.abort());
  await page.goto(ESSAY_PATH);
  await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook", note: "Signed in" });
  await page.reload();
  await waitForLayer(page);
  const listed = panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ });
  await expect(listed).toBeVisible();

  // The session ends (signed out elsewhere): the server answers 401 for good, not a passing fault.
  await context.clearCookies();
  await listed.click();
  await card(page).getByRole("button", { name: "Edit" }).click();
  await writeNote(page, "Written after the session ended");
  await expect(card(page).getByRole("alert")).toHaveText("Couldn't save: your session has ended. Sign in again, then retry.");
  await card(page).screenshot({ path: screenshots("failed-card") });

  await signIn(context.request, user);
  await card(page).getByRole("button", { name: "Retry" }).click();
  await expect(card(page).getByRole("status")).toHaveText("Saved");
  await expect.poll(() => rowsOf(user.email)).toEqual([{ exact: "Perhaps it was a schoolbook", note: "Written after the session ended", version: 2 }]);

  await context.clearCookies();
  await card(page).getByRole("button", { name: "Edit" }).click();
  await writeNote(page, "Never mind");
  await expect(card(page).getByRole("alert")).toContainText("Couldn't save");
  await signIn(context.request, user);
  await card(page).getByRole("button", { name: "Discard" }).click();
  await expect(card(page).getByText("Written after the session ended")).toBeVisible();
  await expect(card(page).getByRole("alert")).toHaveCount(0);
  expect(await rowsOf(user.email)).toEqual([{ exact: "Perhaps it was a schoolbook", note: "Written after the session ended", version: 2 }]);
});

test("an edit made on an older version loses to the newer one, visibly, and the reader's text is kept as a draft", async ({ signedInPage: page, user }) => {
  test.setTimeout(60_000);
  // Live updates would bring the other device's change before the edit; this page is cut off from them.
  await page.route("**/api/articles/*/events*", (route) => route.abort());
  await page.goto(ESSAY_PATH);
  const annotation = await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook", note: "Original" });
  await page.reload();
  await waitForLayer(page);
  // Another device changes the note after this page loaded it.
  const elsewhere = await page.request.patch(`/api/annotations/${annotation.id}`, { data: { note: "Changed on the phone", baseVersion: 1 } });
  expect(elsewhere.status()).toBe(200);

  await panel(page).getByRole("button", { name: /Perhaps it was a schoolbook/ }).click();
  await card(page).getByRole("button", { name: "Edit" }).click();
  await writeNote(page, "Changed on the laptop");
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "changed in another tab or on another device" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(card(page).getByText("Changed on the phone")).toBeVisible();
  expect(await rowsOf(user.email)).toEqual([{ exact: "Perhaps it was a schoolbook", note: "Changed on the phone", version: 2 }]);
  await card(page).getByRole("button", { name: "Edit" }).click();
  await expect(card(page).getByRole("textbox", { name: "Note" })).toHaveValue("Changed on the laptop");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the save states read well and pass axe on a phone (${colorScheme})`, async ({ signedInPage: page, context }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme });
    await page.goto(ESSAY_PATH);
    await createAnnotationViaApi(page.request, page, { phrase: "Perhaps it was a schoolbook", note: "A *note*" });
    await page.reload();
    await waitForLayer(page);
    await page.getByRole("button", { name: "Annotations (1)" }).click();
    await page.getByRole("dialog", { name: "Annotations" }).getByRole("button", { name: /Perhaps it was a schoolbook/ }).click();
    await expect(card(page).getByText("note", { exact: true })).toBeVisible();

    await context.setOffline(true);
    await card(page).getByRole("button", { name: "Green" }).click();
    await expect(card(page).getByRole("status")).toHaveText("Offline — will save when you're back", { timeout: 10_000 });
    await page.screenshot({ path: screenshots(`phone-offline-${colorScheme}`) });
    await expectNoAxeViolations(page, { include: "[role=dialog]" });

    await context.clearCookies();
    await context.setOffline(false);
    await expect(card(page).getByRole("alert")).toContainText("Couldn't save", { timeout: 15_000 });
    await page.screenshot({ path: screenshots(`phone-failed-${colorScheme}`) });
    await expectNoAxeViolations(page, { include: "[role=dialog]" });
  });
}

test.describe("while PostgreSQL is down", () => {
  // A Gloss server of its own on a database this test stops and starts again.
  const dataDir = path.join(DATA_DIR, `e2e-outbox-${process.pid}`);
  let database: RunningDatabase | undefined;
  let server: ChildProcess | undefined;
  let serverURL = "";
  let databasePort = 0;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    database = await startEmbeddedDatabase(dataDir);
    databasePort = Number(new URL(database.url).port);
    const env = { ...process.env, DATABASE_URL: database.url };
    const seeded = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/seed.ts"], { cwd: ROOT, env, encoding: "utf8" });
    if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
    const port = await findFreePort();
    serverURL = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production", NEXTAUTH_URL: serverURL },
      stdio: "ignore",
    });
    await baseExpect.poll(async () => (await fetch(`${serverURL}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
  });

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await database?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test("a highlight made then is saved once the database is back", async ({ browser, request }) => {
    test.setTimeout(90_000);
    const context: BrowserContext = await browser.newContext({ baseURL: serverURL });
    const reader = await createUser(context.request);
    await signIn(context.request, reader);
    const page = await context.newPage();
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);

    await database!.stop();
    expect((await request.get(`${serverURL}/api/health`)).status()).toBe(503);
    await dragSelect(page, "caught with a pencil in a book");
    await toolbar(page).getByRole("button", { name: "Highlight" }).click();
    await panel(page).getByRole("button", { name: /caught with a pencil/ }).click();
    await expect(card(page).getByRole("status")).toHaveText("Offline — will save when you're back", { timeout: 15_000 });

    database = await startEmbeddedDatabase(dataDir, () => {}, { port: databasePort });
    await expect
      .poll(() => rowsOf(reader.email, database!.url), { timeout: 45_000 })
      .toEqual([{ exact: "caught with a pencil in a book", note: null, version: 1 }]);
    await expect(card(page).getByRole("status")).toHaveText("Saved", { timeout: 15_000 });
    await context.close();
  });
});
