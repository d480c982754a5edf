import type { ReactNode } from "react";
import type { ReaderArticle } from "@/lib/articles/get-article-by-slug";
import { ArticleBody } from "./article-body";
import { ArticleHeader } from "./article-header";
import { ReadingProgress } from "./reading-progress";

/**
 * An article as the reader shows it: the text column and, beside it on wide
 * screens, the slot the annotation panel portals into. Used by the reader
 * page and by the share page (/n/[id]), which puts the shared note above it
 * (`lead`). `children` come after the layout: the annotation layer.
 */
export function ArticleView({
  article,
  lead,
  controls,
  children,
}: {
  article: ReaderArticle;
  lead?: ReactNode;
  /** Above the header, in the text column: the owner's controls of an imported article. */
  controls?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <ReadingProgress direction={article.direction} />
      {lead && <div className="reader-layout reader-layout-lead">{lead}</div>}
      <div className="reader-layout">
        <article lang={article.language} dir={article.direction} aria-labelledby="article-title">
          {controls && (
            <div lang="en" dir="ltr">
              {controls}
            </div>
          )}
          <ArticleHeader article={article} />
          <ArticleBody blocks={article.blocks} />
          {article.credit && (
            <footer className="article-footer">
              <p>{article.credit}</p>
            </footer>
          )}
        </article>
        {/* The annotation panel portals in here: beside the text on wide screens, below it otherwise. */}
        <div id="annotations-panel-slot" />
      </div>
      {children}
    </>
  );
}
