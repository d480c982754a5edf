import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../scripts/lib/embedded-database";
import { nextStartArgs } from "../scripts/lib/next-server-command";
import { createUser, signIn } from "./fixtures/accounts";
import { cachedResponse } from "./fixtures/page-cache";

/**
 * A second Gloss server on the same build whose database is unreachable
 * (nothing listens on port 1), as after the database goes down.
 */
let server: ChildProcess | undefined;
let outageURL = "";

test.beforeAll(async () => {
  const port = await findFreePort();
  outageURL = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    nextStartArgs(port, "127.0.0.1"),
    {
      cwd: path.join(__dirname, ".."),
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgresql://gloss:gloss@127.0.0.1:1/gloss" },
      stdio: "ignore",
    },
  );
  await expect
    .poll(async () => (await fetch(`${outageURL}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(503);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("an article rendered while the database is down shows a friendly error, and the error is not cached", async ({ page, request }) => {
  // Not in any cache yet, so the server has to ask the database.
  const articlePath = `/articles/never-rendered-${randomUUID()}`;

  const response = await page.goto(`${outageURL}${articlePath}`);
  expect(response?.status()).toBe(500);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gloss can’t reach its database right now");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the library" })).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/prisma|ECONNREFUSED|DatabaseNotReachable|\bat async\b/i);

  const again = await request.get(`${outageURL}${articlePath}`);
  expect(again.status()).toBe(500);
  expect(again.headers()["x-nextjs-cache"]).toBeUndefined();

  // The healthy server (same build and cache) answers with the truth, not a cached error.
  expect((await request.get(articlePath)).status()).toBe(404);
});

test("article pages already rendered are still served while the database is down", async ({ request }) => {
  // Rendered and cached by the healthy server (same build and cache), whatever ran before this test.
  await cachedResponse(request, "/articles/the-reader-in-the-margin");
  const cached = await request.get(`${outageURL}/articles/the-reader-in-the-margin`);
  expect(cached.status()).toBe(200);
  expect(await cached.text()).toContain("The Reader in the Margin");
});

test("while the database is away, health says so and the API answers 503 with Retry-After, never a stack", async ({ request, playwright, baseURL }) => {
  const health = await request.get(`${outageURL}/api/health`);
  expect(health.status()).toBe(503);
  expect(health.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await health.json()).toEqual({ ok: false, database: "down" });
  const up = await request.get("/api/health");
  expect(await up.json()).toEqual({ ok: true, database: "up" });

  // A session made on the healthy server is valid on the outage server (same secret; JWTs need no database).
  const signedIn = await playwright.request.newContext({ baseURL });
  await signIn(signedIn, await createUser(request));
  const cookie = (await signedIn.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
  await signedIn.dispose();

  const id = randomUUID();
  const attempts = [
    request.post(`${outageURL}/api/annotations`, {
      headers: { cookie },
      data: { id, articleSlug: "anything", color: "yellow", quote: { exact: "ab" }, position: { start: 0, end: 2 } },
    }),
    request.patch(`${outageURL}/api/annotations/${id}`, { headers: { cookie }, data: { note: "kept" } }),
    request.delete(`${outageURL}/api/annotations/${id}`, { headers: { cookie } }),
    request.get(`${outageURL}/api/articles/anything/annotations`, { headers: { cookie } }),
  ];
  for (const response of await Promise.all(attempts)) {
    const text = await response.text();
    expect(response.status(), text).toBe(503);
    expect(response.headers()["retry-after"]).toMatch(/^\d+$/);
    expect(JSON.parse(text)).toEqual({ error: "database_unavailable", message: expect.stringContaining("database") });
    expect(text).not.toMatch(/prisma|ECONNREFUSED|\bat\s/i);
  }
});
