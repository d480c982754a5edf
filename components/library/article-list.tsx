import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import type { ArticleSummary } from "@/lib/articles/list-articles";
import { ArticleMeta } from "@/components/reader/article-meta";
import { routes } from "@/lib/routes";

export function ArticleList({ articles, label = "Articles" }: { articles: ArticleSummary[]; label?: string }) {
  return (
    <ol className="divide-y divide-rule border-y border-rule" aria-label={label}>
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleCard article={article} />
        </li>
      ))}
    </ol>
  );
}

function ArticleCard({ article }: { article: ArticleSummary }) {
  return (
    <article
      lang={article.language}
      dir={article.direction}
      className="group relative py-8 sm:py-10"
    >
      {article.source && (
        <p className="mb-2.5 font-sans text-xs font-semibold tracking-[0.12em] text-accent uppercase">{article.source}</p>
      )}
      <h2 className="font-serif text-[1.5rem] leading-[1.18] font-semibold tracking-[-0.012em] text-balance text-ink sm:text-[1.875rem] arabic:font-arabic arabic:text-[1.625rem] arabic:leading-[1.5] arabic:font-bold arabic:tracking-normal sm:arabic:text-[1.875rem]">
        {/* The whole card is the link's hit area; the title alone is its name. */}
        <IntentPrefetchLink
          href={routes.articleRead(article)}
          className="decoration-accent/60 decoration-2 underline-offset-[0.2em] group-hover:underline after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:rounded-lg focus-visible:after:outline-2 focus-visible:after:outline-offset-4 focus-visible:after:outline-focus"
        >
          {article.title}
        </IntentPrefetchLink>
      </h2>
      {article.excerpt && (
        <p className="mt-3 font-serif text-[1.0625rem] leading-[1.6] text-pretty text-ink-muted sm:text-lg arabic:font-arabic arabic:text-[1.125rem] arabic:leading-[1.9]">
          {article.excerpt}
        </p>
      )}
      <ArticleMeta
        className="mt-4 font-sans text-[0.8125rem] text-ink-muted"
        leading={article.byline ?? article.credit}
        publishedAt={article.publishedAt}
        readingMinutes={article.readingMinutes}
      />
      {(article.addedBy || article.isPrivate) && (
        <p lang="en" dir="ltr" className="mt-1.5 font-sans text-[0.8125rem] text-ink-muted">
          {article.isPrivate ? "Only you can see this" : `Added by ${article.addedBy}`}
        </p>
      )}
    </article>
  );
}
