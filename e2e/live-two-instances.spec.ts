import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import type { AnnotationDto } from "@/lib/api/annotations";
import { createUser, signIn } from "./fixtures/accounts";
import { card, NEWS, panel, waitForLayer } from "./fixtures/annotations";
import { expectNoAxeViolations } from "./fixtures/axe";
import { EventStreamReader } from "./fixtures/event-stream";
import { expect, test } from "./fixtures/second-instance";
import { createTestArticle, rewritePassage, type TestArticle } from "./fixtures/test-articles";

/**
 * Two real instances (`next start` twice, one build) on one PostgreSQL:
 * changes made through one reach readers of the other live, through the
 * change log and LISTEN/NOTIFY (lib/live), with no sticky sessions.
 */

async function annotate(request: APIRequestContext, article: TestArticle, phrase: string, note: string): Promise<AnnotationDto> {
  const start = article.text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  const response = await request.post("/api/annotations", {
    data: { id: randomUUID(), articleSlug: article.slug, color: "green", note, quote: { exact: phrase, prefix: "", suffix: "" }, position: { start, end: start + phrase.length } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as AnnotationDto;
}

async function share(request: APIRequestContext, id: string, visibility: "private" | "link" | "public") {
  expect((await request.patch(`/api/annotations/${id}`, { data: { visibility } })).status()).toBe(200);
}

test("a note made public on one instance arrives live on the other; replies go both ways; made private, it is gone on both", async ({
  browser,
  baseURL,
  secondBaseURL,
  request,
}) => {
  // Two readers, two browsers and two instances: more steps than most tests.
  test.slow();
  const article = await createTestArticle({ from: NEWS, label: "live" });
  const phrase = "No press was allowed at the meeting";
  const amina = await createUser(request, { name: "Amina Author" });
  const bilal = await createUser(request, { name: "Bilal بلال Reader" });
  const first = await browser.newContext({ baseURL });
  const second = await browser.newContext({ baseURL: secondBaseURL });
  await signIn(first.request, amina);
  await signIn(second.request, bilal);
  const pageA = await first.newPage();
  const pageB = await second.newPage();

  await pageA.goto(article.path);
  await waitForLayer(pageA);
  const note = await annotate(first.request, article, phrase, "Worth a *discussion*");
  await pageB.goto(article.path);
  await waitForLayer(pageB);
  const entryB = panel(pageB).getByRole("button", { name: new RegExp(phrase) });
  await expect(panel(pageB)).toBeVisible();
  await expect(entryB).toHaveCount(0);

  // A, on instance 1, makes the note public: B, on instance 2, sees it arrive without reloading.
  await share(first.request, note.id, "public");
  await expect(entryB).toBeVisible();
  await expect(entryB).toContainText("Amina Author");
  await expect(pageB.getByTestId("live-announcer")).toHaveText("New note by Amina Author.");

  // B replies from the card.
  await entryB.click();
  await card(pageB).getByRole("button", { name: "Reply", exact: true }).click();
  await card(pageB).getByRole("textbox", { name: "Reply", exact: true }).fill("I **agree**, and more.");
  await card(pageB).getByRole("button", { name: "Post reply" }).click();
  const replyB = card(pageB).locator("[data-reply-id]");
  await expect(replyB).toContainText("I agree, and more.");
  await expect(replyB.locator("bdi")).toHaveText("Bilal بلال Reader");
  await expect(replyB.getByRole("button", { name: "Edit reply" })).toBeVisible();

  // A sees the reply arrive: the count in the side panel, then the reply itself on the card, rendered Markdown.
  const entryA = panel(pageA).getByRole("button", { name: new RegExp(phrase) });
  await expect(entryA).toContainText("1 reply");
  await entryA.click();
  const replyA = card(pageA).locator("[data-reply-id]");
  await expect(replyA.locator("strong")).toHaveText("agree");
  await expect(pageA.getByTestId("live-announcer")).toHaveText("New reply by Bilal بلال Reader.");
  // The annotation's author may delete a reply, not edit it.
  await expect(replyA.getByRole("button", { name: "Delete reply" })).toBeVisible();
  await expect(replyA.getByRole("button", { name: "Edit reply" })).toHaveCount(0);
  await expectNoAxeViolations(pageA, { include: "[role=dialog]" });

  // A answers on the open card: it arrives in B's open thread too.
  await card(pageA).getByRole("button", { name: "Reply", exact: true }).click();
  await card(pageA).getByRole("textbox", { name: "Reply", exact: true }).fill("Thank you.");
  await card(pageA).getByRole("button", { name: "Post reply" }).click();
  await expect(replyB).toHaveCount(2);
  await expect(replyB.nth(1)).toContainText("Thank you.");

  // A makes it private: it disappears for B, and its link and replies are 404 on both instances.
  await share(first.request, note.id, "private");
  await expect(entryB).toHaveCount(0);
  await expect(card(pageB)).toHaveCount(0);
  // A's own change, made elsewhere (here through the API), reaches A's open page too: the card says Private, the thread is gone.
  await expect(card(pageA)).toContainText("Private");
  await expect(card(pageA).locator("[data-reply-id]")).toHaveCount(0);
  for (const origin of [baseURL!, secondBaseURL]) {
    expect((await second.request.get(`${origin}/n/${note.id}`)).status()).toBe(404);
    expect((await second.request.get(`${origin}/api/annotations/${note.id}/replies`)).status()).toBe(404);
  }
  await Promise.all([first.close(), second.close()]);
});

test("reseeding an article changes its cached page on both instances", async ({ baseURL, secondBaseURL, request }) => {
  const article = await createTestArticle({ from: NEWS, label: "reseed" });
  const passage = "waving to onlookers";
  const origins = [baseURL!, secondBaseURL];
  const etags = new Map<string, string>();
  for (const origin of origins) {
    expect(await (await request.get(`${origin}${article.path}`)).text()).toContain(passage);
    // Served from the instance's page cache from now on.
    const cached = await request.get(`${origin}${article.path}`);
    expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
    etags.set(origin, cached.headers()["etag"]!);
  }

  rewritePassage(article, passage, "waving at the crowd");

  for (const origin of origins) {
    await expect.poll(async () => (await request.get(`${origin}${article.path}`)).text()).toContain("waving at the crowd");
    // A reader holding the old page is not told it is current.
    const revalidated = await request.get(`${origin}${article.path}`, { headers: { "if-none-match": etags.get(origin)! } });
    expect(revalidated.status()).toBe(200);
    expect(await revalidated.text()).toContain("waving at the crowd");
  }
});

test("a stream that drops and reconnects, even to the other instance, receives every event it missed, in order", async ({ baseURL, secondBaseURL, request }) => {
  const article = await createTestArticle({ from: NEWS, label: "resume" });
  const author = await createUser(request, { name: "Stream Author" });
  await signIn(request, author);
  const [one, two, three] = [
    await annotate(request, article, "No press was allowed at the meeting", "one"),
    await annotate(request, article, "waving to onlookers", "two"),
    await annotate(request, article, "The US president expressed his confidence", "three"),
  ];

  // A signed-out reader's stream on instance 2 hears of public notes only.
  const stream = await EventStreamReader.open(`${secondBaseURL}/api/articles/${article.slug}/events`);
  expect(stream.response.status).toBe(200);
  expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
  await share(request, one!.id, "public");
  const seen = await stream.next();
  expect(JSON.parse(seen.data)).toEqual({ kind: "annotation", annotationId: one!.id });
  stream.close();

  // While it is gone: a private change it must not hear of, two notes shared, one taken away.
  await request.patch(`/api/annotations/${three!.id}`, { data: { note: "still private" } });
  await share(request, two!.id, "public");
  await share(request, three!.id, "link");
  await share(request, three!.id, "public");
  expect((await request.delete(`/api/annotations/${one!.id}`)).status()).toBe(204);

  const resumed = await EventStreamReader.open(`${baseURL}/api/articles/${article.slug}/events`, { "Last-Event-ID": seen.id! });
  const missed = [await resumed.next(), await resumed.next(), await resumed.next()];
  expect(missed.map((event) => JSON.parse(event.data))).toEqual([
    { kind: "annotation", annotationId: two!.id },
    { kind: "annotation", annotationId: three!.id },
    { kind: "annotation-removed", annotationId: one!.id },
  ]);
  const ids = [seen, ...missed].map((event) => BigInt(event.id!));
  expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(new Set(ids).size).toBe(4);
  resumed.close();
});

test("signing out everywhere on one instance ends the sessions the other instance remembers, and a new name shows there", async ({
  baseURL,
  secondBaseURL,
  playwright,
}) => {
  const here = await playwright.request.newContext({ baseURL });
  const there = await playwright.request.newContext({ baseURL: secondBaseURL });
  const user = await createUser(here, { name: "Two Places" });
  await signIn(here, user);
  await signIn(there, user);
  const sessionName = async () => ((await (await there.get("/api/auth/session")).json()) as { user?: { name?: string } }).user?.name;
  // The second instance checks the session on each request, and remembers it (lib/auth/live-session-memo.ts).
  for (let i = 0; i < 3; i++) expect((await there.get("/api/annotations")).status()).toBe(200);
  // Well within the 10 s it would otherwise trust what it remembers: only the notification can make these pass.
  const heard = { timeout: 3_000 };

  expect((await here.patch("/api/account", { data: { name: "Renamed Elsewhere" } })).status()).toBe(200);
  await expect.poll(sessionName, heard).toBe("Renamed Elsewhere");

  expect((await here.delete("/api/account/sessions")).status()).toBe(200);
  await expect.poll(async () => (await there.get("/api/annotations")).status(), heard).toBe(401);
  expect((await here.get("/api/annotations")).status()).toBe(200);
  await Promise.all([here.dispose(), there.dispose()]);
});
