"use client";

import { useMemo, useState } from "react";
import type { AnnotationDto } from "@/lib/api/annotations";
import type { LiveEvent } from "@/lib/live/live-event";
import { ApiError } from "@/lib/api/api-fetch";
import { fetchAnnotation } from "@/components/annotations/state/annotations-api";
import { fetchReply } from "@/components/annotations/state/replies/replies-api";
import type { AnnotationStore } from "@/components/annotations/state/use-annotations";
import { repliesChanged } from "@/components/annotations/state/live/reply-signals";
import { useLiveArticle } from "@/components/annotations/state/live/use-live-article";

/**
 * Applies live changes to the article's annotations as they arrive and says
 * what arrived in a polite live region. Highlights are painted over the text
 * (CSS Custom Highlight API) and cards float beside it, so nothing here moves
 * the text the reader is on.
 */
export function LiveUpdates({ slug, store, initialAnnotations }: { slug: string; store: AnnotationStore; initialAnnotations?: AnnotationDto[] }) {
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

  useLiveArticle(slug, heldLinks, { onEvent: (event) => void apply(event), onResync: store.refresh });

  return (
    <div aria-live="polite" className="sr-only" data-testid="live-announcer">
      {message}
    </div>
  );
}
