"use client";

import { startTransition, useEffect, useState } from "react";
import { createHighlightPainter, type HighlightPainter } from "./highlight-painter";

/** The reader renders the article's canonical text, and nothing else, inside this element. */
export const ARTICLE_TEXT_SELECTOR = "[data-article-text]";

/** A painter over the article text on this page (null until mounted, or when the page has no article). */
export function useArticlePainter(): HighlightPainter | null {
  const [painter, setPainter] = useState<HighlightPainter | null>(null);
  useEffect(() => {
    const root = document.querySelector(ARTICLE_TEXT_SELECTOR);
    if (!root) return;
    const created = createHighlightPainter(root);
    // The article is already on screen; this effect is where the layer first touches it, and the one extra
    // render it causes is the layer's first real one: a transition, rendered in slices that leave the main
    // thread free between them.
    startTransition(() => setPainter(created));
    return () => {
      created.dispose();
      setPainter(null);
    };
  }, []);
  return painter;
}
