import type { AnnotationDto, ArticleAnnotationsResponse } from "@/lib/api/annotations";
import { newOwnAnnotationFields } from "@/test-support/annotation-dto";
import { API_ARTICLE, apiArticleText, createAnnotationAs, createBody, expect, json, test } from "../fixtures/annotation-api";

interface ErrorBody {
  error: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

const listPath = `/api/articles/${API_ARTICLE}/annotations`;

async function listIds(client: import("@playwright/test").APIRequestContext): Promise<string[]> {
  const response = await client.get(listPath);
  expect(response.status()).toBe(200);
  return (await json<ArticleAnnotationsResponse>(response)).annotations.map((a) => a.id);
}

test.describe("the annotations API", () => {
  test("creates, lists, reads, changes and deletes an annotation", async ({ clients: { author }, nextPassage }) => {
    const passage = await nextPassage();
    const body = await createBody(passage, { note: "A *gloss* on the gloss.", color: "blue" });
    const text = await apiArticleText();

    const created = await author.request.post("/api/annotations", { data: body });
    expect(created.status()).toBe(201);
    expect(created.headers()["location"]).toBe(`/api/annotations/${body.id}`);
    const annotation = await json<AnnotationDto>(created);
    expect(annotation).toEqual({
      id: body.id,
      articleSlug: API_ARTICLE,
      color: "blue",
      note: "A *gloss* on the gloss.",
      visibility: "private",
      quote: {
        exact: passage,
        prefix: text.slice(Math.max(0, body.position.start - 32), body.position.start),
        suffix: text.slice(body.position.end, body.position.end + 32),
      },
      position: body.position,
      author: { name: author.user.name },
      ...newOwnAnnotationFields(expect.any(String)),
    });

    const list = await author.request.get(listPath);
    expect(list.headers()["cache-control"]).toBe("private, no-store");
    const listed = (await json<ArticleAnnotationsResponse>(list)).annotations;
    expect(listed.find((a) => a.id === body.id)).toEqual(annotation);

    const one = await author.request.get(`/api/annotations/${body.id}`);
    expect(one.status()).toBe(200);
    expect(one.headers()["content-type"]).toContain("application/json");
    expect(await one.json()).toEqual(annotation);

    const patched = await author.request.patch(`/api/annotations/${body.id}`, {
      data: { note: "Second thoughts.", color: "purple", visibility: "link" },
    });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ id: body.id, note: "Second thoughts.", color: "purple", visibility: "link" });

    const cleared = await author.request.patch(`/api/annotations/${body.id}`, { data: { note: null } });
    expect(await cleared.json()).toMatchObject({ note: null, color: "purple" });

    const deleted = await author.request.delete(`/api/annotations/${body.id}`);
    expect(deleted.status()).toBe(204);
    expect(await deleted.text()).toBe("");
    expect((await author.request.get(`/api/annotations/${body.id}`)).status()).toBe(404);
    expect(await listIds(author.request)).not.toContain(body.id);
    expect((await author.request.delete(`/api/annotations/${body.id}`)).status()).toBe(404);
  });

  test("a retried create returns the same annotation and makes no second one", async ({ clients: { author }, nextPassage }) => {
    const body = await createBody(await nextPassage(), { note: "sent twice" });

    const first = await author.request.post("/api/annotations", { data: body });
    const retry = await author.request.post("/api/annotations", { data: body });

    expect(first.status()).toBe(201);
    expect(retry.status()).toBe(200);
    expect(await retry.json()).toEqual(await first.json());
    expect((await listIds(author.request)).filter((id) => id === body.id)).toHaveLength(1);

    const conflicting = await author.request.post("/api/annotations", { data: { ...body, note: "something else" } });
    expect(conflicting.status()).toBe(409);
    expect(await json<AnnotationDto>(await author.request.get(`/api/annotations/${body.id}`))).toMatchObject({ note: "sent twice" });
  });

  test("explains bad input field by field, and never with a 500", async ({ clients: { author }, nextPassage }) => {
    const body = await createBody(await nextPassage());

    const invalid = await author.request.post("/api/annotations", {
      data: { ...body, id: "not-a-uuid", color: "orange", note: "n".repeat(10_001) },
    });
    expect(invalid.status()).toBe(400);
    const errors = await json<ErrorBody>(invalid);
    expect(errors.error).toBe("validation");
    expect(errors.fieldErrors).toMatchObject({
      id: [expect.any(String)],
      color: [expect.any(String)],
      note: ["A note can be at most 10,000 characters long."],
    });

    const misplaced = await author.request.post("/api/annotations", {
      data: { ...body, position: { start: body.position.start + 1, end: body.position.end + 1 } },
    });
    expect(misplaced.status()).toBe(400);
    expect((await json<ErrorBody>(misplaced)).fieldErrors).toEqual({ "quote.exact": [expect.stringContaining("not at that position")] });

    const malformed = await author.request.post("/api/annotations", {
      headers: { "content-type": "application/json" },
      data: Buffer.from('{"id": "unterminated'),
    });
    expect(malformed.status()).toBe(400);
    expect(await json<ErrorBody>(malformed)).toMatchObject({ error: "invalid_json" });

    const notJson = await author.request.post("/api/annotations", { headers: { "content-type": "text/plain" }, data: Buffer.from(JSON.stringify(body)) });
    expect(notJson.status()).toBe(415);

    const emptyPatch = await author.request.patch(`/api/annotations/${body.id}`, { data: {} });
    expect(emptyPatch.status()).toBe(400);

    const unknownArticle = await author.request.post("/api/annotations", { data: { ...body, articleSlug: "no-such-article" } });
    expect(unknownArticle.status()).toBe(404);

    // Nothing was stored by any of these.
    expect((await author.request.get(`/api/annotations/${body.id}`)).status()).toBe(404);
  });

  test("refuses writes from signed-out visitors with 401", async ({ clients: { author, anonymous }, nextPassage }) => {
    const annotation = await createAnnotationAs(author.request, await nextPassage(), { visibility: "public" });

    const create = await anonymous.post("/api/annotations", { data: await createBody(await nextPassage()) });
    const patch = await anonymous.patch(`/api/annotations/${annotation.id}`, { data: { note: "vandalism" } });
    const remove = await anonymous.delete(`/api/annotations/${annotation.id}`);

    for (const response of [create, patch, remove]) {
      expect(response.status()).toBe(401);
      expect(await json<ErrorBody>(response)).toMatchObject({ error: "unauthorized" });
    }
    expect(await json<AnnotationDto>(await author.request.get(`/api/annotations/${annotation.id}`))).toMatchObject({ note: null });
    await author.request.delete(`/api/annotations/${annotation.id}`);
  });

  test("serves a W3C Web Annotation when asked for JSON-LD", async ({ clients: { author, anonymous }, baseURL, nextPassage }) => {
    const passage = await nextPassage();
    const annotation = await createAnnotationAs(author.request, passage, { note: "**Bold** remark", visibility: "link" });

    const response = await anonymous.get(`/api/annotations/${annotation.id}`, { headers: { Accept: "application/ld+json" } });

    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(response.headers()["vary"]).toContain("Accept");
    const web = await response.json();
    expect(web).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `${baseURL}/api/annotations/${annotation.id}`,
      type: "Annotation",
      motivation: "commenting",
      body: { type: "TextualBody", value: "**Bold** remark", format: "text/markdown", purpose: "commenting" },
      target: {
        source: `${baseURL}/articles/${API_ARTICLE}`,
        selector: [
          { type: "TextQuoteSelector", ...annotation.quote },
          { type: "TextPositionSelector", ...annotation.position },
        ],
      },
      creator: { type: "Person", name: author.user.name },
      created: annotation.createdAt,
      modified: annotation.updatedAt,
    });
    expect(JSON.stringify(web)).not.toContain(author.user.email);

    // The id dereferences to the annotation itself.
    const again = await anonymous.get(web.id, { headers: { Accept: "application/ld+json" } });
    expect(await again.json()).toEqual(web);
    // Without the Accept header it is the plain JSON the reader uses.
    expect(await json<AnnotationDto>(await anonymous.get(web.id))).toMatchObject({ id: annotation.id, isOwn: false });
    await author.request.delete(`/api/annotations/${annotation.id}`);
  });

  test("answers 404 for what does not exist or cannot be addressed", async ({ clients: { author } }) => {
    for (const path of [
      "/api/articles/no-such-article/annotations",
      "/api/articles/NOT%20A%20SLUG/annotations",
      "/api/annotations/not-a-uuid",
      "/api/annotations/00000000-0000-4000-8000-000000000000",
    ]) {
      const response = await author.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await json<ErrorBody>(response)).toEqual({ error: "not_found", message: "Not found." });
    }
    expect((await author.request.patch("/api/annotations/not-a-uuid", { data: { note: "x" } })).status()).toBe(404);
    expect((await author.request.delete("/api/annotations/not-a-uuid")).status()).toBe(404);
  });
});
