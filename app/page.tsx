import { ArticleList } from "@/components/library/article-list";
import { YourArticles } from "@/components/library/your-articles";
import { listArticles } from "@/lib/articles/list-articles";

// Static like the reader: served from Next's cache until articles change
// (the reseed revalidates "/").
export const dynamic = "force-static";
export const revalidate = false;

export default async function LibraryPage() {
  const articles = await listArticles();
  return (
    <div className="mx-auto max-w-[44rem] px-5 pt-12 pb-8 sm:px-8 sm:pt-20">
      <header className="mb-10 sm:mb-14">
        <h1 className="font-serif text-[2.5rem] leading-[1.05] font-semibold tracking-[-0.02em] text-ink sm:text-[3.25rem]">
          Library
        </h1>
        <p className="mt-4 max-w-[34rem] font-serif text-lg leading-[1.6] text-ink-muted sm:text-xl">
          Articles to read closely. Select any passage to highlight it, add a note in the margin, and share a link
          that opens right there.
        </p>
      </header>
      <YourArticles />
      {articles.length > 0 ? (
        <ArticleList articles={articles} />
      ) : (
        <p className="border-y border-rule py-10 font-sans text-ink-muted">
          No articles yet. Add a file to <code className="font-mono text-sm">seeds/</code> and restart Gloss.
        </p>
      )}
    </div>
  );
}
