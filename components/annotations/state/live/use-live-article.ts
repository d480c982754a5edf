"use client";

import { useEffect } from "react";
import type { LiveEvent } from "@/lib/live/live-event";
import { useLatestCallback } from "@/components/ui/use-latest-callback";

export interface LiveArticleHandlers {
  onEvent: (event: LiveEvent) => void;
  /** The stream (re)started without a known position, or the server says too much was missed: load everything again. */
  onResync: () => void;
}

/** After a refusal (503) or a closed stream: wait this long, plus up to as much again at random. */
const RETRY_MS = 5000;

/**
 * One EventSource per article tab on GET /api/articles/{slug}/events. The
 * browser reconnects by itself, sending Last-Event-ID, and the server replays
 * what was missed. When the browser gives up (the server answered 503, say),
 * a new EventSource is opened later, carrying the last id in the URL.
 */
export function useLiveArticle(slug: string, heldLinks: string[], handlers: LiveArticleHandlers) {
  const onEvent = useLatestCallback(handlers.onEvent);
  const onResync = useLatestCallback(handlers.onResync);
  const held = heldLinks.join(",");

  useEffect(() => {
    let source: EventSource | null = null;
    let lastEventId: string | null = null;
    let retry: number | undefined;

    const open = () => {
      const params = new URLSearchParams();
      if (held) params.set("held", held);
      if (lastEventId) params.set("lastEventId", lastEventId);
      const query = params.size > 0 ? `?${params}` : "";
      source = new EventSource(`/api/articles/${encodeURIComponent(slug)}/events${query}`);
      // Without a position, changes made between loading the list and this stream's start would be lost: load it again.
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
  }, [slug, held, onEvent, onResync]);
}
