"use client";

import type { AnnotationDto } from "@/lib/api/annotations";
import { useLiveUpdates } from "@/components/annotations/state/live/use-live-updates";
import type { AnnotationStore } from "@/components/annotations/state/use-annotations";

/**
 * Keeps the article's annotations live and says what arrived in a polite
 * live region. Highlights are painted over the text and cards float beside
 * it, so nothing here moves the text the reader is on.
 */
export function LiveUpdates(props: { slug: string; store: AnnotationStore; initialAnnotations?: AnnotationDto[] }) {
  const message = useLiveUpdates(props);
  return (
    <div aria-live="polite" className="sr-only" data-testid="live-announcer">
      {message}
    </div>
  );
}
