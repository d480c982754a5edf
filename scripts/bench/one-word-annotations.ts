import { randomUUID } from "node:crypto";

/**
 * Create requests for annotations of one word each, with real selectors of
 * the article's text, a fresh client id every time (for benches that POST
 * /api/annotations). Import after DATABASE_URL points at the bench database.
 */
export async function oneWordAnnotationBodies(slug: string): Promise<() => { id: string; body: string }> {
  const { db } = await import("../../lib/db");
  const { describeTextRange } = await import("../../lib/anchoring");
  const article = await db.article.findUniqueOrThrow({ where: { slug }, select: { text: true } });
  const words = [...article.text.matchAll(/\p{L}{4,}/gu)].slice(0, 500);
  let next = 0;
  return () => {
    const word = words[next++ % words.length]!;
    const start = word.index;
    const end = start + word[0].length;
    const id = randomUUID();
    const { quote } = describeTextRange(article.text, start, end);
    const body = JSON.stringify({ id, articleSlug: slug, color: "yellow", quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position: { start, end } });
    return { id, body };
  };
}
