import { readdir } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { API_ARTICLE, createAnnotationAs, createBody, expect, test } from "../fixtures/annotation-api";

const MALFORMED = ["%ED%A0%80", "%C0%AF", "%E0%A4%A", "%"];

test.describe("hostile requests", () => {
  test("malformed percent-encoding is a 4xx on every path, never a 500", async ({ clients: { author } }) => {
    for (const bad of MALFORMED) {
      const paths = [
        `/api/annotations/${bad}`,
        `/api/articles/${bad}/annotations`,
        `/api/articles/${API_ARTICLE}${bad}/annotations`,
        `/n/${bad}`,
        `/n/${bad}/card.png`,
        `/articles/${bad}`,
        `/${bad}`,
      ];
      for (const target of paths) {
        for (const method of ["GET", "PATCH", "DELETE"] as const) {
          const response = await author.request.fetch(target, { method, data: method === "PATCH" ? { note: "x" } : undefined });
          expect(response.status(), `${method} ${target}`).toBeGreaterThanOrEqual(400);
          expect(response.status(), `${method} ${target}`).toBeLessThan(500);
        }
      }
    }
    const callback = await author.request.get("/api/auth/callback/credentials");
    expect(callback.status()).toBe(405);
  });

  test("a write from another site's page is refused, even with the reader's session and a JSON body", async ({ clients: { author }, nextPassage }) => {
    const evil = { Origin: "http://evil.example" };
    const created = await author.request.post("/api/annotations", { data: await createBody(await nextPassage()), headers: evil });
    expect(created.status()).toBe(403);
    expect(await created.json()).toMatchObject({ error: "cross_origin" });

    const annotation = await createAnnotationAs(author.request, await nextPassage(), { note: "mine" });
    const crossSite = { "Sec-Fetch-Site": "cross-site" };
    expect((await author.request.patch(`/api/annotations/${annotation.id}`, { data: { note: "x" }, headers: evil })).status()).toBe(403);
    expect((await author.request.delete(`/api/annotations/${annotation.id}`, { headers: evil })).status()).toBe(403);
    expect((await author.request.delete(`/api/annotations/${annotation.id}`, { headers: crossSite })).status()).toBe(403);
    expect((await author.request.delete(`/api/annotations/${annotation.id}`, { headers: { Origin: "null" } })).status()).toBe(403);
    // Still there, unchanged.
    expect(await (await author.request.get(`/api/annotations/${annotation.id}`)).json()).toMatchObject({ note: "mine" });

    // The reader's own pages are let through.
    const sameOrigin = { Origin: new URL(test.info().project.use.baseURL!).origin, "Sec-Fetch-Site": "same-origin" };
    expect((await author.request.delete(`/api/annotations/${annotation.id}`, { headers: sameOrigin })).status()).toBe(204);
  });

  test("made-up article addresses are 404s that leave nothing in the page cache", async ({ request }) => {
    const slugs = Array.from({ length: 5 }, () => `made-up-${randomUUID()}`);
    for (const slug of slugs) expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
    // Next keeps rendered pages under its build folder's server/ (route-cache/APP_PAGE/…/articles/ in Next 16).
    const cachedFiles = async () => (await readdir(path.join(process.env.NEXT_DIST_DIR ?? ".next-test", "server"), { recursive: true })).map((file) => path.basename(file));
    // A real article is cached as before…
    expect((await request.get(`/articles/${API_ARTICLE}`)).status()).toBe(200);
    await expect.poll(async () => (await cachedFiles()).some((file) => file.startsWith(`${API_ARTICLE}.`))).toBe(true);
    // …made-up ones are not.
    const cached = await cachedFiles();
    for (const slug of slugs) expect(cached.filter((file) => file.startsWith(slug)), slug).toEqual([]);
  });
});

test("a callbackUrl with line breaks is a 400, not a server fault", async ({ request }) => {
  const forged = await request.get("/api/auth/signin?callbackUrl=x%0A[gloss]%20GET%20/admin%20failed", { maxRedirects: 0 });
  expect(forged.status()).toBe(400);
  expect(await forged.json()).toMatchObject({ error: "invalid_callback_url" });
  const fine = await request.get("/api/auth/signin?callbackUrl=%2Fabout", { maxRedirects: 0 });
  expect(fine.status()).toBe(302);
});
