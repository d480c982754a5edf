"use client";

import { useMemo, useRef, type ReactNode } from "react";
import { TEXT_BUTTON } from "@/components/ui/ui-classes";
import type { NotebookEntry, NotebookPage, TagCount } from "@/lib/api/notebook";
import { searchTerms } from "@/lib/notebook/search-terms";
import { ExportMenu } from "./export-menu";
import { ImportButton } from "./import-button";
import { NotebookEntryCard } from "./notebook-entry-card";
import { NotebookFilters } from "./notebook-filters";
import type { NotebookQuery } from "./notebook-query";
import { TagList } from "./tag-list";
import { useLoadOnApproach } from "./use-load-on-approach";
import { queryParams, useNotebook } from "./use-notebook";

export function NotebookView(props: {
  initialQuery: NotebookQuery;
  initialPage: NotebookPage;
  /** The first page's notes as the server rendered them, by entry id. */
  firstPageNotes: Record<string, ReactNode>;
  initialTags: TagCount[];
  articles: Array<{ slug: string; title: string }>;
}) {
  const notebook = useNotebook({ query: props.initialQuery, page: props.initialPage, tags: props.initialTags });
  const { query, entries, nextCursor, tags, status, update } = notebook;
  const terms = useMemo(() => searchTerms(query.q), [query.q]);
  const filtered = queryParams({ ...query, sort: undefined }).size > 0;
  const firstPageNoteSources = useMemo(() => new Map(props.initialPage.annotations.map((entry) => [entry.id, entry.note])), [props.initialPage]);
  /** The server's rendering of the note, while it still shows what the client would render. */
  const serverRenderedNote = (entry: NotebookEntry) =>
    query.q === props.initialQuery.q && firstPageNoteSources.get(entry.id) === entry.note ? props.firstPageNotes[entry.id] : undefined;
  // The first response holds one screen of entries; the next page loads as the reader scrolls towards "Show more".
  const showMore = useRef<HTMLButtonElement>(null);
  useLoadOnApproach(showMore, status === "idle" ? nextCursor : null, () => void notebook.loadMore());

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_14rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <div className="flex flex-wrap items-center gap-2 font-sans">
          <ExportMenu filters={queryParams(query)} />
          <ImportButton onImported={() => void notebook.reloadAll()} />
        </div>
        <NotebookFilters query={query} tags={tags} articles={props.articles} onChange={update} />
        <p role="status" className="font-sans text-sm text-ink-muted">
          {status === "error"
            ? "Could not load your notes. Check your connection and try again."
            : status === "loading"
              ? "Loading…"
              : entries.length === 0
                ? filtered
                  ? "No notes match."
                  : "No notes yet. Select a passage in any article to highlight it."
                : `${entries.length}${nextCursor ? "+" : ""} ${entries.length === 1 ? "note" : "notes"}`}
        </p>
        <section aria-label="Your notes">
          {entries.map((entry) => (
            <NotebookEntryCard key={entry.id} entry={entry} serverRenderedNote={serverRenderedNote(entry)} terms={terms} onTagClick={(tag) => update({ tag })} />
          ))}
        </section>
        {nextCursor && (
          // While a page is on its way the button says so where the reader is (the status line is at the list's top).
          <button
            ref={showMore}
            type="button"
            aria-disabled={status === "loading"}
            onClick={() => status !== "loading" && void notebook.loadMore()}
            className={`${TEXT_BUTTON} self-center ring-1 ring-rule`}
          >
            {status === "loading" ? "Loading…" : "Show more"}
          </button>
        )}
      </div>
      <aside className="lg:pt-14">
        <TagList tags={tags} selected={query.tag} onSelect={(tag) => update({ tag })} onRename={notebook.rename} />
      </aside>
    </div>
  );
}
