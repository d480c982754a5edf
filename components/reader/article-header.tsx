import type { ReaderArticle } from "@/lib/articles/get-article-by-slug";
import { ArticleMeta } from "./article-meta";

export function ArticleHeader({ article }: { article: ReaderArticle }) {
  return (
    <header className="article-header">
      {article.source && <p className="article-kicker">{article.source}</p>}
      <h1 id="article-title" className="article-title">{article.title}</h1>
      {article.byline && <p className="article-byline">{article.byline}</p>}
      <ArticleMeta className="article-meta" publishedAt={article.publishedAt} readingMinutes={article.readingMinutes} />
      {article.addedBy && (
        <p lang="en" dir="ltr" className="article-added-by">
          Added by {article.addedBy}
        </p>
      )}
    </header>
  );
}
