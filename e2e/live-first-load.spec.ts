import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page, Request, Route } from "@playwright/test";
import type { AnnotationDto } from "@/lib/api/annotations";
import { HYDRATED_ATTRIBUTE } from "@/lib/hydrated-attribute";
import { createUser, expect, signIn, test } from "./fixtures/accounts";
import { card, NEWS, panel, waitForLayer } from "./fixtures/annotations";
import { createTestArticle, type TestArticle } from "./fixtures/test-articles";

/**
 * The list answers with the change-log position it reflects and the page's
 * event stream starts from there, so an article view loads its list once:
 * the server replays whatever committed in between, instead of the page
 * loading the whole list again when the stream opens.
 */
/** The page's requests for the article's annotation list, from now on. */
function listRequestsOf(page: Page, article: TestArticle): Request[] {
  const listPath = `/api/articles/${article.slug}/annotations`;
  const requests: Request[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === listPath) requests.push(request);
  });
  return requests;
}

/** A note on `phrase` by whoever `request` is signed in as, with that visibility. */
async function noteViaApi(request: APIRequestContext, article: TestArticle, phrase: string, visibility: "link" | "public"): Promise<AnnotationDto> {
  const start = article.text.indexOf(phrase);
  const created = await request.post("/api/annotations", {
    data: { id: randomUUID(), articleSlug: article.slug, color: "blue", note: "First thought", quote: { exact: phrase, prefix: "", suffix: "" }, position: { start, end: start + phrase.length } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const note = (await created.json()) as AnnotationDto;
  expect((await request.patch(`/api/annotations/${note.id}`, { data: { visibility } })).status()).toBe(200);
  return note;
}

test("the reader loads its annotation list once, and a note made between that load and the stream's start still arrives", async ({
  signedInPage: page,
  browser,
  baseURL,
}) => {
  const article = await createTestArticle({ from: NEWS, label: "list-once" });
  const phrase = "No press was allowed at the meeting";
  const listRequests = listRequestsOf(page, article);

  // The stream is held back until a note has been made, opening the window the position must cover.
  let heldStream!: Route;
  const streamAsked = new Promise<void>((resolve) => {
    void page.route("**/api/articles/*/events*", (route) => {
      heldStream = route;
      resolve();
    });
  });
  await page.goto(article.path);
  await expect(page.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  await waitForLayer(page);
  await streamAsked;
  const [listResponse] = await Promise.all(listRequests.map(async (request) => (await request.response())!.json() as Promise<{ lastEventId: string }>));
  // The stream was asked for once the list was in, from the list's position.
  expect(new URL(heldStream.request().url()).searchParams.get("lastEventId")).toBe(listResponse!.lastEventId);

  // Another reader, in another browser, makes a public note meanwhile.
  const other = await browser.newContext({ baseURL });
  const author = await createUser(other.request, { name: "Olu Other" });
  await signIn(other.request, author);
  await noteViaApi(other.request, article, phrase, "public");

  // Let the stream through: it opens, the server replays the note, the page fetches it alone.
  const streamOpened = page.waitForResponse((response) => response.url().includes("/events"));
  await heldStream.continue();
  expect((await streamOpened).status()).toBe(200);
  await expect(panel(page).getByRole("button", { name: new RegExp(phrase) })).toContainText("Olu Other");
  // Announced as a live arrival (a reload of the list announces nothing).
  await expect(page.getByTestId("live-announcer")).toHaveText("New note by Olu Other.");
  expect(listRequests).toHaveLength(1);
  await other.close();
});

test("the shared note page loads the list once too, and its held Link note still changes live", async ({ signedInPage: author, browser, baseURL }) => {
  const article = await createTestArticle({ from: NEWS, label: "held-once" });
  const phrase = "No press was allowed at the meeting";
  const note = await noteViaApi(author.request, article, phrase, "link");

  // A reader who is not signed in opens the link; the list does not hold the Link note, the stream is told of it.
  const stranger = await (await browser.newContext({ baseURL })).newPage();
  const listRequests = listRequestsOf(stranger, article);
  const streamOpened = stranger.waitForResponse((response) => response.url().includes("/events"));
  await stranger.goto(`/n/${note.id}`);
  await expect(stranger.locator("html")).toHaveAttribute(HYDRATED_ATTRIBUTE, "");
  await waitForLayer(stranger);
  const stream = new URL((await streamOpened).url()).searchParams;
  expect(stream.get("held")).toBe(note.id);
  expect(stream.get("lastEventId")).toMatch(/^\d+$/u);
  await expect(card(stranger)).toContainText("First thought");

  expect((await author.request.patch(`/api/annotations/${note.id}`, { data: { note: "Second thought" } })).status()).toBe(200);
  await expect(card(stranger)).toContainText("Second thought");
  expect(listRequests).toHaveLength(1);
  await stranger.context().close();
});
