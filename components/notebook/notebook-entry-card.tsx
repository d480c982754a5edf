"use client";

import { ArrowUpRight, Unlink } from "lucide-react";
import { lazy, Suspense, useId, useMemo, type ReactNode } from "react";
import { COLOR_LABELS, ColorSwatch } from "@/components/annotations/ui/color-choice";
import { RelativeTime } from "@/components/annotations/ui/relative-time";
import { FOCUS_RING } from "@/components/ui/ui-classes";
import { visibilityChoice } from "@/components/annotations/ui/visibility";
import type { NotebookEntry } from "@/lib/api/notebook";
import { MarkedText } from "./marked-text";
import { rehypeMarkTerms } from "./rehype-mark-terms";

const NoteMarkdown = lazy(() => import("@/components/annotations/ui/note-markdown"));

/**
 * One highlight or note in the notebook, with the words of the current search marked. A note of
 * the first page shows as the server rendered it (`serverRenderedNote`), so the page loads no
 * Markdown renderer until a note without one appears (a later page, another search); until the
 * renderer has loaded, such a note shows as its plain source.
 */
export function NotebookEntryCard({
  entry,
  serverRenderedNote,
  terms,
  onTagClick,
}: {
  entry: NotebookEntry;
  serverRenderedNote?: ReactNode;
  terms: string[];
  onTagClick: (tag: string) => void;
}) {
  const titleId = useId();
  const plugins = useMemo(() => (terms.length > 0 ? [rehypeMarkTerms(terms)] : []), [terms]);
  const visibility = visibilityChoice(entry.visibility);
  return (
    // An entry further than Chromium's margin (a screen and a half) below the viewport is not styled, laid out or
    // painted until it comes near: the streamed document's first passes, which Lighthouse charges to the start-up, do
    // less on a phone (BENCHMARKS.md, Lighthouse, session 17). The clip margin keeps the focus rings of the entry's
    // edge controls (outline 2 px, 2 px off) from being cut by the paint containment this brings.
    <article
      aria-labelledby={titleId}
      className="flex flex-col gap-3 border-b border-rule py-6 font-sans [contain-intrinsic-size:auto_14rem] [content-visibility:auto] [overflow-clip-margin:4px] first:pt-2"
    >
      <p className="text-xs leading-5 text-ink-muted [&>*]:mr-1.5">
        <ColorSwatch color={entry.color} className="size-3 align-[-0.125rem]" />
        <span className="sr-only">{COLOR_LABELS[entry.color]} highlight</span>
        <span id={titleId} className="min-w-0 font-medium text-ink">
          {entry.article.title}
        </span>
        <span aria-hidden>·</span>
        <RelativeTime iso={entry.createdAt} />
        <span aria-hidden>·</span>
        <span className="inline-flex items-center gap-1 align-bottom">
          <visibility.Icon aria-hidden className="size-3" />
          {visibility.label}
        </span>
      </p>
      <blockquote dir="auto" className="border-l-2 pl-4 font-serif text-[1.0625rem] leading-relaxed text-ink" style={{ borderColor: `var(--highlight-${entry.color})` }}>
        <MarkedText text={entry.quote.exact} terms={terms} />
      </blockquote>
      {entry.note &&
        (serverRenderedNote ?? (
          <Suspense fallback={<p dir="auto" className="text-sm whitespace-pre-wrap">{entry.note}</p>}>
            <NoteMarkdown source={entry.note} rehypePlugins={plugins} />
          </Suspense>
        ))}
      {entry.position === null && (
        <p className="inline-flex items-center gap-1.5 text-sm text-ink-muted">
          <Unlink aria-hidden className="size-4" />
          Detached: this passage is no longer in the article.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {entry.tags.length > 0 && (
          <ul aria-label="Tags" className="flex min-w-0 flex-wrap gap-1.5">
            {entry.tags.map((tag) => (
              <li key={tag} className="max-w-full">
                <button
                  type="button"
                  onClick={() => onTagClick(tag)}
                  aria-label={`Show notes tagged ${tag}`}
                  className={`rounded-full bg-ink/5 px-2.5 py-1 text-xs [overflow-wrap:anywhere] font-medium text-ink hover:bg-ink/10 dark:bg-ink/10 ${FOCUS_RING}`}
                >
                  <MarkedText text={tag} terms={terms} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <span className="flex-1" />
        <a href={`/n/${entry.id}`} className={`inline-flex items-center gap-1 rounded text-sm font-medium text-accent hover:underline ${FOCUS_RING}`}>
          Open in article
          <ArrowUpRight aria-hidden className="size-4" />
        </a>
      </div>
    </article>
  );
}
