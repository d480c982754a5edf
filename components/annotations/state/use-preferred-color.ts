"use client";

import { useCallback, useState } from "react";
import { HIGHLIGHT_COLORS, type HighlightColorName } from "@/lib/api/annotation-constants";

const STORAGE_KEY = "gloss-highlight-color";

function storedColor(): HighlightColorName {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return HIGHLIGHT_COLORS.find((color) => color === value) ?? "yellow";
  } catch {
    return "yellow";
  }
}

/** The colour the reader last chose, kept across visits. */
export function usePreferredColor(): [HighlightColorName, (color: HighlightColorName) => void] {
  // The layer renders on the client only, so storage can be read during the first render.
  const [color, setColor] = useState<HighlightColorName>(storedColor);
  const choose = useCallback((next: HighlightColorName) => {
    setColor(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered past this page; the choice still applies now.
    }
  }, []);
  return [color, choose];
}
