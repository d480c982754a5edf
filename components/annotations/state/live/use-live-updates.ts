"use client";

import { useMemo, useRef, useState } from "react";
import { ApiError } from "@/lib/api/api-fetch";
import type { AnnotationDto } from "@/lib/api/annotations";
import type { LiveEvent } from "@/lib/live/live-event";
import { fetchAnnotation } from "../annotations-api";
import { fetchReply } from "../replies/replies-api";
import type { AnnotationStore } from "../use-annotations";
import { repliesChanged } from "./reply-signals";
import { useLiveArticle } from "./use-live-article";

/** Events arriving within this long of each other are applied together. */
const GATHER_MS = 30;
/** More events than this at once are applied by reloading the list rather than one fetch each. */
const BURST = 5;

/**
 * Applies live changes to the article's annotations as they arrive, and
 * returns what arrived in words (for a polite live region, ui/live-updates.tsx). Highlights are painted over the text
 * (CSS Custom Highlight API) and cards float beside it, so nothing here moves
 * the text the reader is on.
 */
export function useLiveUpdates({ slug, store, initialAnnotations }: { slug: string; store: AnnotationStore; initialAnnotations?: AnnotationDto[] }): string {
  const [message, setMessage] = useState("");
  // Link notes this page was opened for (a share link): the stream may tell about them too.
  const heldLinks = useMemo(
    () => (initialAnnotations ?? []).filter((a) => a.visibility === "link" && !a.isOwn).map((a) => a.id),
    [initialAnnotations],
  );

  // Handlers run through useLatestCallback (use-live-article.ts): this is the latest render's list.
  const known = (id: string) => store.annotations.find((annotation) => annotation.id === id);
  const announce = (text: string) => setMessage(text);

  const refetch = async (id: string): Promise<AnnotationDto | null> => {
    try {
      const annotation = await fetchAnnotation(id);
      store.receive(annotation);
      return annotation;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) store.forget(id);
      return null;
    }
  };

  const apply = async (event: LiveEvent) => {
    switch (event.kind) {
      case "annotation": {
        const before = known(event.annotationId);
        const annotation = await refetch(event.annotationId);
        if (annotation && !before && !annotation.isOwn) announce(`New note by ${annotation.author.name}.`);
        return;
      }
      case "annotation-removed": {
        const before = known(event.annotationId);
        store.forget(event.annotationId);
        if (before && !before.isOwn) announce(`A note by ${before.author.name} is no longer shared.`);
        return;
      }
      case "reply": {
        repliesChanged(event.annotationId);
        await refetch(event.annotationId);
        if (event.op !== "insert") return;
        const reply = await fetchReply(event.replyId).catch(() => null);
        if (reply && !reply.isOwn) announce(`New reply by ${reply.author.name}.`);
        return;
      }
      case "article":
        store.refresh();
    }
  };

  // Events that arrive together (a reseed re-anchors every note of the article at once) are
  // applied together: a few one by one, a burst as one reload of the list.
  const pending = useRef<LiveEvent[]>([]);
  const flush = () => {
    const batch = pending.current;
    pending.current = [];
    if (batch.length <= BURST && !batch.some((event) => event.kind === "article")) {
      for (const event of batch) void apply(event);
      return;
    }
    for (const event of batch) {
      if (event.kind === "annotation-removed") store.forget(event.annotationId);
      if (event.kind === "reply") repliesChanged(event.annotationId);
    }
    store.refresh();
  };
  const receive = (event: LiveEvent) => {
    if (pending.current.push(event) === 1) window.setTimeout(flush, GATHER_MS);
  };

  useLiveArticle(slug, heldLinks, store.liveFrom, { onEvent: receive, onResync: store.refresh });

  return message;
}
