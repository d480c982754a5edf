import type { Metadata } from "next";
import { ServerNoteMarkdown } from "@/components/annotations/ui/note-markdown-content";
import { NotebookView } from "@/components/notebook/notebook-view";
import { QUERY_KEYS, type NotebookQuery } from "@/components/notebook/notebook-query";
import { rehypeMarkTerms } from "@/components/notebook/rehype-mark-terms";
import { requireUserOrRedirect } from "@/lib/auth/get-viewer";
import { listNotebookArticles, listNotebookRows } from "@/lib/notebook/list-notebook";
import { notebookFilterSchema, type NotebookEntry } from "@/lib/api/notebook";
import { searchTerms } from "@/lib/notebook/search-terms";
import { routes } from "@/lib/routes";
import { listTags } from "@/lib/tags/list-tags";

// No noindex: a signed-out visitor (a crawler too) is sent to sign in, so there is nothing to keep out of an index.
export const metadata: Metadata = { title: "Notebook" };

// Per reader: rendered on each request.
export const dynamic = "force-dynamic";

// What fills the first screen of a phone and of a desktop, with room to scroll: every entry sent here is in the
// HTML and again in the flight data, parsed, laid out and hydrated while the page starts (30 made the notebook's
// start-up the slowest of the reading pages). The next pages load as the reader scrolls towards the list's end.
const FIRST_PAGE = 10;

export default async function NotebookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireUserOrRedirect(routes.notebook);
  const raw = await searchParams;
  const query: NotebookQuery = {};
  for (const key of QUERY_KEYS) {
    const value = raw[key];
    if (typeof value === "string" && value !== "") query[key] = value;
  }
  // A hand-edited URL with a bad filter shows the whole notebook rather than an error.
  const parsed = notebookFilterSchema.safeParse(query);
  const filter = parsed.success ? parsed.data : notebookFilterSchema.parse({});
  const [rows, tags, articles] = await Promise.all([
    listNotebookRows({ viewer, filter, limit: FIRST_PAGE }),
    listTags(viewer),
    listNotebookArticles(viewer),
  ]);
  const page = { annotations: rows.json.map((json) => JSON.parse(json) as NotebookEntry), nextCursor: rows.nextCursor };
  const initialQuery = parsed.success ? query : {};
  // The first page's notes rendered here, search words marked, so that the first paint never shows their
  // Markdown source while the browser loads the renderer (which the notebook needs for later pages and searches).
  const terms = searchTerms(initialQuery.q);
  const rehypePlugins = terms.length > 0 ? [rehypeMarkTerms(terms)] : [];
  const firstPageNotes = Object.fromEntries(
    page.annotations.flatMap((entry) => (entry.note ? [[entry.id, <ServerNoteMarkdown key={entry.id} source={entry.note} rehypePlugins={rehypePlugins} />]] : [])),
  );

  return (
    <div className="mx-auto max-w-[62rem] px-5 pt-12 pb-16 sm:px-8 sm:pt-16">
      <header className="mb-8">
        <h1 className="font-serif text-[2.5rem] leading-[1.05] font-semibold tracking-[-0.02em] text-ink sm:text-[3.25rem]">Notebook</h1>
        <p className="mt-3 max-w-[34rem] font-serif text-lg leading-[1.6] text-ink-muted">Every passage you highlighted and every note you wrote, across all articles.</p>
      </header>
      <NotebookView
        initialQuery={initialQuery}
        initialPage={page}
        firstPageNotes={firstPageNotes}
        initialTags={tags}
        articles={articles}
      />
    </div>
  );
}
