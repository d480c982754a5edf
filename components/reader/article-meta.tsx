import type { ReactNode } from "react";
import { formatLongDate } from "@/lib/format/english-format";

/**
 * Byline/credit, date and reading time in one line that wraps cleanly:
 * every item carries its own "·" in front, and the row is pulled back by
 * one separator's width and clipped, so an item that starts a line (the
 * first included) never shows a dangling separator.
 *
 * Date and reading time are interface text (English), each isolated with
 * its own lang/dir so they read correctly inside a right-to-left article,
 * where the items themselves flow right to left.
 */
export function ArticleMeta({
  publishedAt,
  readingMinutes,
  leading,
  className,
}: {
  publishedAt: Date | null;
  readingMinutes: number;
  /** Article text shown first (a byline or credit), in the article's language. */
  leading?: string | null;
  className?: string;
}) {
  const items: { key: string; content: ReactNode }[] = [];
  if (leading) items.push({ key: "leading", content: <span className="arabic:font-arabic">{leading}</span> });
  if (publishedAt) {
    items.push({
      key: "date",
      content: (
        <time lang="en" dir="ltr" className="whitespace-nowrap" dateTime={publishedAt.toISOString().slice(0, 10)}>
          {formatLongDate(publishedAt, "utc")}
        </time>
      ),
    });
  }
  items.push({
    key: "reading",
    content: (
      <span lang="en" dir="ltr" className="whitespace-nowrap">
        {readingMinutes} min read
      </span>
    ),
  });

  return (
    <div className={`overflow-hidden ${className ?? ""}`}>
      <p className="-ms-5 flex flex-wrap items-baseline">
        {items.map(({ key, content }) => (
          <span key={key}>
            <span aria-hidden="true" className="inline-block w-5 text-center opacity-60">
              ·
            </span>
            {content}
          </span>
        ))}
      </p>
    </div>
  );
}
