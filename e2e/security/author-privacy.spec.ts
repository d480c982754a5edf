import type { AnnotationDto, ArticleAnnotationsResponse } from "@/lib/api/annotations";
import { API_ARTICLE, createAnnotationAs, expect, json, test } from "../fixtures/annotation-api";

test.describe("a public note's author", () => {
  test("is named, never identified by their internal user id, wherever another reader meets the note", async ({ clients: { author, reader, anonymous }, nextPassage }) => {
    const annotation = await createAnnotationAs(author.request, await nextPassage(), { note: "Seen by all", visibility: "public" });
    const authorId = author.user.id;

    for (const [who, client] of [["another reader", reader.request], ["a signed-out visitor", anonymous]] as const) {
      const list = await client.get(`/api/articles/${API_ARTICLE}/annotations`);
      const listed = (await json<ArticleAnnotationsResponse>(list)).annotations.find((a) => a.id === annotation.id);
      expect(listed, who).toMatchObject({ author: { name: "Amina Author" }, isOwn: false });
      expect(JSON.stringify(listed), who).not.toContain(authorId);

      const single = await client.get(`/api/annotations/${annotation.id}`);
      expect(await json<AnnotationDto>(single)).toMatchObject({ author: { name: "Amina Author" }, isOwn: false });
      expect(await single.text(), who).not.toContain(authorId);

      const jsonLd = await client.get(`/api/annotations/${annotation.id}`, { headers: { Accept: "application/ld+json" } });
      expect(jsonLd.status()).toBe(200);
      expect(await jsonLd.text(), who).not.toContain(authorId);

      const sharePage = await client.get(`/n/${annotation.id}`);
      expect(sharePage.status()).toBe(200);
      expect(await sharePage.text(), who).not.toContain(authorId);
    }

    // The author learns the note is theirs from a flag, not from comparing ids.
    const own = await json<AnnotationDto>(await author.request.get(`/api/annotations/${annotation.id}`));
    expect(own).toMatchObject({ isOwn: true, author: { name: "Amina Author" } });
    expect(own.author).not.toHaveProperty("id");
    await author.request.delete(`/api/annotations/${annotation.id}`);
  });
});
