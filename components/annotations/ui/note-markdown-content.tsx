import Markdown, { type Components, type Options } from "react-markdown";
import { isRenderableNote } from "@/lib/api/note-nesting";

/**
 * A note's Markdown, rendered inertly: raw HTML in the source is dropped
 * (`skipHtml`), react-markdown's default URL transform removes `javascript:`
 * and other unsafe schemes, and links open apart from the article and carry
 * no endorsement. Images are left out so that reading a note never makes the
 * reader's browser fetch from a server its author chose.
 *
 * Shared by the client's lazily loaded NoteMarkdown (./note-markdown.tsx) and
 * the server: the share page renders its note there so that the Markdown
 * renderer stays out of that page's JavaScript, and the notebook renders its
 * first page's notes there so that they never show as Markdown source while
 * the renderer loads.
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

/**
 * Typography's defaults wrap inline code in backticks and a blockquote in curly quotes: in a note they read as
 * Markdown left unrendered (and double the quote marks a reader typed), so the note shows neither.
 */
export const NOTE_PROSE_CLASS =
  "prose prose-sm max-w-none break-words text-ink prose-headings:my-2 prose-headings:text-base prose-headings:text-ink prose-p:my-1.5 prose-a:text-accent prose-blockquote:my-2 prose-blockquote:text-ink-muted prose-strong:text-ink prose-code:text-ink prose-code:before:content-none prose-code:after:content-none [&_blockquote_p]:before:content-none [&_blockquote_p]:after:content-none prose-pre:my-2 prose-ol:my-1.5 prose-ul:my-1.5 prose-li:my-0.5";

type NoteMarkdownProps = { source: string; rehypePlugins?: Options["rehypePlugins"] };

function markdownOptions({ source, rehypePlugins }: NoteMarkdownProps): Options {
  return { children: source, skipHtml: true, components, rehypePlugins, disallowedElements: ["img"], unwrapDisallowed: true };
}

/**
 * The note's Markdown. Only for a note that `isRenderableNote`; the caller
 * shows PlainNote if it throws all the same.
 */
export function NoteMarkdownText(props: NoteMarkdownProps) {
  return <Markdown {...markdownOptions(props)} />;
}

/** A note as its source text: one too deeply nested to render safely, or whose rendering failed. */
export function PlainNote({ source }: { source: string }) {
  return (
    <p data-note-plain-text="" className="whitespace-pre-wrap">
      {source}
    </p>
  );
}

/**
 * On the server, where there is no error boundary: the note rendered now, so
 * that a failure shows the plain text instead of failing the page.
 */
export function ServerNoteMarkdown({ source, rehypePlugins }: NoteMarkdownProps) {
  let content = <PlainNote source={source} />;
  if (isRenderableNote(source)) {
    try {
      // Called, not rendered as an element, so that the Markdown is processed inside this try.
      content = Markdown(markdownOptions({ source, rehypePlugins }));
    } catch {
      // Stays plain text.
    }
  }
  return (
    // Each note reads in its own direction, whatever the article's or the page's.
    <div dir="auto" className={NOTE_PROSE_CLASS}>
      {content}
    </div>
  );
}
