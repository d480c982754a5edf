"use client";

import type { Options } from "react-markdown";
import { isRenderableNote } from "@/lib/api/note-nesting";
import { NoteErrorBoundary } from "@/components/annotations/ui/note-error-boundary";
import { NOTE_PROSE_CLASS, NoteMarkdownText, PlainNote } from "./note-markdown-content";

/**
 * A note's Markdown on the client, rendered inertly (./note-markdown-content.tsx).
 * A note too deeply nested to render safely (one stored before notes were
 * bounded) is shown as its plain source instead, as is one whose rendering
 * fails: a bad note never takes the page down with it.
 *
 * `rehypePlugins` may mark up the rendered text further (the notebook marks search words).
 */
export default function NoteMarkdown({ source, rehypePlugins }: { source: string; rehypePlugins?: Options["rehypePlugins"] }) {
  return (
    // Each note reads in its own direction, whatever the article's or the page's.
    <div dir="auto" className={NOTE_PROSE_CLASS}>
      {isRenderableNote(source) ? (
        <NoteErrorBoundary fallback={<PlainNote source={source} />}>
          <NoteMarkdownText source={source} rehypePlugins={rehypePlugins} />
        </NoteErrorBoundary>
      ) : (
        <PlainNote source={source} />
      )}
    </div>
  );
}
