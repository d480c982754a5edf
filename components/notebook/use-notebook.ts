"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { NotebookEntry, NotebookPage, TagCount } from "@/lib/api/notebook";
import { QUERY_KEYS, type NotebookQuery } from "./notebook-query";

const SEARCH_DEBOUNCE_MS = 250;

/** The API calls, with zod behind them, imported when first needed: the first page comes with the HTML. */
export const notebookApi = () => import("./notebook-api");

export function queryParams(query: NotebookQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params;
}

/**
 * The notebook's state: the query (mirrored in the URL with router.replace,
 * so a search can be bookmarked), the entries loaded so far, the tags. A
 * change of query loads the first page again, typing after a short pause;
 * an answer to an older query is dropped.
 */
export function useNotebook(initial: { query: NotebookQuery; page: NotebookPage; tags: TagCount[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState(initial.query);
  const [entries, setEntries] = useState<NotebookEntry[]>(initial.page.annotations);
  const [nextCursor, setNextCursor] = useState(initial.page.nextCursor);
  const [tags, setTags] = useState(initial.tags);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const latest = useRef<AbortController | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(async (next: NotebookQuery, cursor?: string) => {
    latest.current?.abort();
    const controller = new AbortController();
    latest.current = controller;
    setStatus("loading");
    const params = queryParams(next);
    if (cursor) params.set("cursor", cursor);
    try {
      const { fetchNotebookPage } = await notebookApi();
      const page = await fetchNotebookPage(params, controller.signal);
      setEntries((current) => (cursor ? [...current, ...page.annotations] : page.annotations));
      setNextCursor(page.nextCursor);
      setStatus("idle");
    } catch (error) {
      if (!controller.signal.aborted) setStatus("error");
      else if (!(error instanceof DOMException)) throw error;
    }
  }, []);

  const update = useCallback(
    (change: Partial<NotebookQuery>) => {
      const next = { ...query, ...change };
      setQuery(next);
      const search = queryParams(next).toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
      window.clearTimeout(timer.current);
      if ("q" in change) timer.current = window.setTimeout(() => void load(next), SEARCH_DEBOUNCE_MS);
      else void load(next);
    },
    [query, router, pathname, load],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const reloadAll = useCallback(async () => {
    await load(query);
    setTags(await (await notebookApi()).fetchTags());
  }, [load, query]);

  const rename = useCallback(
    async (from: string, to: string) => {
      setTags(await (await notebookApi()).renameTag(from, to));
      if (query.tag === from) update({ tag: to.trim() });
      else await load(query);
    },
    [load, query, update],
  );

  return { query, entries, nextCursor, tags, status, update, loadMore: () => nextCursor && load(query, nextCursor), reloadAll, rename };
}
