"use client";

import { useSession } from "@/components/auth/session-provider";
import { useEffect, useState } from "react";
import type { ArticleSummary } from "@/lib/articles/list-articles";
import { ArticleList } from "./article-list";

/** "Your articles" above the public shelf: what the signed-in reader imported, loaded on the client. */
export function YourArticles() {
  const { status } = useSession();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);

  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    // Imported when needed: the API client brings zod, which a signed-out visit to the library never uses.
    import("@/components/articles/articles-api").then(({ fetchOwnArticles }) => fetchOwnArticles()).then(
      ({ articles: own }) => live && setArticles(own.map((article) => ({ ...article, publishedAt: article.publishedAt && new Date(article.publishedAt) }))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [status]);

  if (status !== "authenticated" || articles === null) return null;
  return (
    <section aria-labelledby="your-articles" className="mb-14">
      <h2 id="your-articles" className="mb-2 font-sans text-xs font-semibold tracking-[0.12em] text-ink-muted uppercase">
        Your articles
      </h2>
      {articles.length > 0 ? (
        <ArticleList articles={articles} label="Your articles" />
      ) : (
        <p className="border-y border-rule py-6 font-sans text-sm text-ink-muted">
          Nothing yet. Use <span className="font-medium text-ink">Add article</span> to bring something you want to read.
        </p>
      )}
    </section>
  );
}
