"use client";

import { useEffect } from "react";
import type { LiveEvent } from "@/lib/live/live-event";
import { useLatestCallback } from "@/components/ui/use-latest-callback";

export interface LiveArticleHandlers {
  onEvent: (event: LiveEvent) => void;
  /** The stream started without a known position, or the server says too much was missed: load everything again. */
  onResync: () => void;
}

/** After a refusal (503) or a closed stream: wait this long, plus up to as much again at random. */
const RETRY_MS = 5000;

/**
 * One EventSource per article tab on GET /api/articles/{slug}/events, opened
 * once the list has loaded, from the change-log position the list reflected
 * (`from`, AnnotationStore.liveFrom): the server replays whatever committed
 * since, so the list is loaded once per page, not again when the stream opens.
 * The browser reconnects by itself, sending Last-Event-ID, and the server
 * replays what was missed. When the browser gives up (the server answered 503,
 * say), a new EventSource is opened later, carrying the last id in the URL.
 *
 * `from` is null when the list failed to load: the stream starts anyway and
 * loads the list again once it is open, so a page that loaded during an
 * outage comes back by itself when the server does.
 */
export function useLiveArticle(slug: string, heldLinks: string[], from: string | null | undefined, handlers: LiveArticleHandlers) {
  const onEvent = useLatestCallback(handlers.onEvent);
  const onResync = useLatestCallback(handlers.onResync);
  const held = heldLinks.join(",");

  useEffect(() => {
    if (from === undefined) return;
    let source: EventSource | null = null;
    let lastEventId = from;
    let retry: number | undefined;

    const open = () => {
      const params = new URLSearchParams();
      if (held) params.set("held", held);
      if (lastEventId !== null) params.set("lastEventId", lastEventId);
      const query = params.size > 0 ? `?${params}` : "";
      source = new EventSource(`/api/articles/${encodeURIComponent(slug)}/events${query}`);
      // Without a position (the list failed to load), the list shown may be missing changes: load it again.
      source.addEventListener("open", () => {
        if (lastEventId === null) onResync();
      });
      source.addEventListener("change", (message) => {
        lastEventId = message.lastEventId;
        onEvent(JSON.parse(message.data) as LiveEvent);
      });
      source.addEventListener("reset", (message) => {
        lastEventId = message.lastEventId;
        onResync();
      });
      source.addEventListener("error", () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        retry = window.setTimeout(open, RETRY_MS * (1 + Math.random()));
      });
    };
    open();
    return () => {
      window.clearTimeout(retry);
      source?.close();
    };
  }, [slug, held, from, onEvent, onResync]);
}
