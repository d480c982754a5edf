import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { canonicalText } from "./article-model";
import { loadSeedDirectory } from "./parse-seed-file";
import { hashText, seedArticlesFromDirectory } from "./seed-articles";

const SEEDS = path.resolve(__dirname, "../../seeds");

/** A copy of seeds/ whose files get this run's own slugs, so other tests' articles are never touched. */
async function seedCopy(): Promise<{ dir: string; slugs: string[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), "gloss-seeds-"));
  const suffix = randomUUID().slice(0, 8);
  const slugs: string[] = [];
  for (const article of await loadSeedDirectory(SEEDS)) {
    const extension = await readFile(path.join(SEEDS, `${article.slug}.md`)).then(() => ".md", () => ".txt");
    const slug = `${article.slug}-${suffix}`;
    await cp(path.join(SEEDS, `${article.slug}${extension}`), path.join(dir, `${slug}${extension}`));
    slugs.push(slug);
  }
  return { dir, slugs };
}

const created: string[] = [];
afterAll(async () => {
  await db.article.deleteMany({ where: { slug: { in: created } } });
});

describe("seeding", () => {
  it("creates every seed once, then leaves them alone on the next run", async () => {
    const { dir, slugs } = await seedCopy();
    created.push(...slugs);

    const first = await seedArticlesFromDirectory(dir);
    expect(first.created.toSorted()).toEqual(slugs.toSorted());
    const before = await db.article.findMany({ where: { slug: { in: slugs } }, select: { slug: true, updatedAt: true } });

    const second = await seedArticlesFromDirectory(dir);
    expect(second).toEqual({ created: [], updated: [], unchanged: expect.arrayContaining(slugs) });
    expect(second.unchanged).toHaveLength(slugs.length);
    const after = await db.article.findMany({ where: { slug: { in: slugs } }, select: { slug: true, updatedAt: true } });
    expect(after.toSorted((a, b) => a.slug.localeCompare(b.slug))).toEqual(before.toSorted((a, b) => a.slug.localeCompare(b.slug)));
  });

  it("updates an article whose file was edited, with its new text and hash", async () => {
    const { dir, slugs } = await seedCopy();
    created.push(...slugs);
    await seedArticlesFromDirectory(dir);

    const txt = slugs.find((slug) => slug.startsWith("syria-"))!;
    const file = path.join(dir, `${txt}.txt`);
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace("No press was allowed", "No reporters were allowed"));

    const result = await seedArticlesFromDirectory(dir);
    expect(result.updated).toEqual([txt]);
    const stored = await db.article.findUniqueOrThrow({ where: { slug: txt }, select: { text: true, textHash: true } });
    expect(stored.text).toContain("No reporters were allowed");
    expect(stored.text).not.toContain("No press was allowed");
    const [parsed] = (await loadSeedDirectory(dir)).filter((article) => article.slug === txt);
    expect(stored.text).toBe(canonicalText(parsed!.blocks));
    expect(stored.textHash).toBe(hashText(stored.text));
  });

  it("writes nothing when any file is malformed", async () => {
    const { dir, slugs } = await seedCopy();
    await writeFile(path.join(dir, `broken-${randomUUID().slice(0, 8)}.md`), "---\ntitle: [unclosed\n---\n\nBody.\n");
    await expect(seedArticlesFromDirectory(dir)).rejects.toThrow(/broken-.*\.md/);
    expect(await db.article.count({ where: { slug: { in: slugs } } })).toBe(0);
  });
});
