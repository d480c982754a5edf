/**
 * Seeds one throw-away reader with many annotations on one article, straight
 * through the database, for the reader paint benchmark. The selectors are
 * real ones (whole words of the article's text, with their context), so the
 * page anchors them exactly as it would anchors made in the reader.
 *
 * Import after DATABASE_URL points at the bench database: lib/db reads it
 * when first imported.
 */
import { randomUUID } from "node:crypto";
import { HIGHLIGHT_COLORS } from "@/lib/api/annotations";
import { describeTextRange } from "../../lib/anchoring";
import { mulberry32 } from "../../lib/anchoring/test-support/seeded-random";

export interface SeededReader {
  email: string;
  password: string;
  annotations: number;
  textLength: number;
}

const NOTES = [
  "Worth coming back to.",
  "Compare with the **opening paragraph**.",
  "Is this really true? See [the source](https://example.com/source).",
  "A lovely sentence.",
];

export async function seedReaderAnnotations(options: { slug: string; count: number; seed?: number }): Promise<SeededReader> {
  const { db } = await import("../../lib/db");
  const { hashPassword } = await import("../../lib/auth/password-hashing");
  const article = await db.article.findUnique({ where: { slug: options.slug }, select: { id: true, text: true } });
  if (!article) throw new Error(`No article "${options.slug}" to seed annotations on.`);

  const password = randomUUID();
  const user = await db.user.create({
    data: { email: `bench-reader-${randomUUID()}@example.invalid`, name: "Bench Reader", passwordHash: await hashPassword(password) },
    select: { id: true, email: true },
  });

  // Passages of 1 to 12 whole words anywhere in the text: they overlap and nest, as real ones do.
  const wordStarts = [...article.text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const random = mulberry32(options.seed ?? 20_251_126);
  const pick = (n: number) => Math.floor(random() * n);
  const rows = Array.from({ length: options.count }, () => {
    const first = pick(wordStarts.length);
    const last = Math.min(wordStarts.length - 1, first + pick(12));
    const start = wordStarts[first]!.start;
    const end = wordStarts[last]!.end;
    const { quote } = describeTextRange(article.text, start, end);
    return {
      id: randomUUID(),
      articleId: article.id,
      authorId: user.id,
      color: HIGHLIGHT_COLORS[pick(HIGHLIGHT_COLORS.length)]!,
      note: random() < 0.25 ? NOTES[pick(NOTES.length)]! : null,
      exact: quote.exact,
      prefix: quote.prefix ?? "",
      suffix: quote.suffix ?? "",
      start,
      end,
    };
  });
  await db.annotation.createMany({ data: rows });
  return { email: user.email, password, annotations: rows.length, textLength: article.text.length };
}
