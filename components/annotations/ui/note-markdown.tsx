"use client";

import Markdown, { type Components, type Options } from "react-markdown";
import { isRenderableNote } from "@/lib/api/note-nesting";
import { NoteErrorBoundary } from "@/components/annotations/ui/note-error-boundary";

/**
 * A note's Markdown, rendered inertly: raw HTML in the source is dropped
 * (`skipHtml`), react-markdown's default URL transform removes `javascript:`
 * and other unsafe schemes, and links open apart from the article and carry
 * no endorsement. Images are left out so that reading a note never makes the
 * reader's browser fetch from a server its author chose.
 *
 * A note too deeply nested to render safely (one stored before notes were
 * bounded) is shown as its plain source instead, as is one whose rendering
 * fails: a bad note never takes the page down with it.
 */
const components: Components = {
  // An unsafe URL arrives emptied; its text stays, as text rather than a link back to this page.
  a: ({ href, title, children }) =>
    href ? (
      <a href={href} title={title} target="_blank" rel="nofollow noopener ugc">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

/** `rehypePlugins` may mark up the rendered text further (the notebook marks search words). */
export default function NoteMarkdown({ source, rehypePlugins }: { source: string; rehypePlugins?: Options["rehypePlugins"] }) {
  return (
    // Each note reads in its own direction, whatever the article's or the page's.
    <div dir="auto" className="prose prose-sm max-w-none break-words text-ink prose-headings:my-2 prose-headings:text-base prose-headings:text-ink prose-p:my-1.5 prose-a:text-accent prose-blockquote:my-2 prose-blockquote:text-ink-muted prose-strong:text-ink prose-code:text-ink prose-pre:my-2 prose-ol:my-1.5 prose-ul:my-1.5 prose-li:my-0.5">
      {isRenderableNote(source) ? (
        <NoteErrorBoundary fallback={<PlainNote source={source} />}>
          <Markdown skipHtml components={components} rehypePlugins={rehypePlugins} disallowedElements={["img"]} unwrapDisallowed>
            {source}
          </Markdown>
        </NoteErrorBoundary>
      ) : (
        <PlainNote source={source} />
      )}
    </div>
  );
}

function PlainNote({ source }: { source: string }) {
  return (
    <p data-note-plain-text="" className="whitespace-pre-wrap">
      {source}
    </p>
  );
}
