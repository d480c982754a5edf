"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toPageBox, type PageBox } from "./page-box";
import { caretOffset, caretRect, resumeCaret, selectionFocusOffset } from "./text-caret";
import type { TextNodeIndex } from "@/lib/anchoring";

export const ARTICLE_TEXT_NAME = "Article text";
export const ARTICLE_TEXT_HELP = "Select a passage with Shift and the arrow keys, then press Tab to highlight it or add a note.";

type Move = [direction: "left" | "right" | "forward" | "backward", granularity: "character" | "line" | "lineboundary"];
const EXTEND_KEYS: Record<string, Move> = {
  ArrowLeft: ["left", "character"],
  ArrowRight: ["right", "character"],
  ArrowUp: ["backward", "line"],
  ArrowDown: ["forward", "line"],
  Home: ["backward", "lineboundary"],
  End: ["forward", "lineboundary"],
};
// Up, Down, Home and End without Shift keep scrolling the page.
const MOVE_KEYS: Record<string, Move> = {
  ArrowLeft: ["left", "character"],
  ArrowRight: ["right", "character"],
};

/**
 * Whether an arrow key goes by word: with Ctrl, or Option on Apple keyboards.
 * Null for Alt elsewhere, which is the browser's Back and Forward.
 */
function byWord(event: KeyboardEvent): boolean | null {
  if (event.altKey && !/Mac|iPhone|iPad/.test(navigator.userAgent)) return null;
  return event.ctrlKey || event.altKey;
}

function sameBox(a: PageBox | null, b: PageBox | null): boolean {
  if (!a || !b) return a === b;
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom;
}

/**
 * Selecting in the article without a mouse. The text becomes one Tab stop (a
 * region named "Article text", described by the element `helpId`). When it
 * takes keyboard focus, a caret is put where the reader is looking (or back
 * where it was), and drawn, since browsers only draw carets in editable text.
 * Shift+arrow keys then select from it, Ctrl (Option) by word; Left and Right
 * move it. Browsers extend a selection that has some length by themselves,
 * but ignore these keys at a bare caret, so the first step is taken here.
 * Mouse focus changes nothing: a click already puts the caret where it lands.
 */
export function useKeyboardSelection(
  index: TextNodeIndex | null,
  helpId: string,
): {
  /** Where to draw the caret while the text has keyboard focus and nothing is selected. */
  caret: PageBox | null;
  /** Puts focus back in the text (from the toolbar, say), with the caret where it was. */
  returnToText(): void;
} {
  const [caret, setCaret] = useState<PageBox | null>(null);
  const remembered = useRef<number | null>(null);

  useEffect(() => {
    if (!index) return;
    const root = index.root as HTMLElement;
    // Set here rather than in the server's HTML: without the layer there is nothing to select for.
    root.setAttribute("tabindex", "0");
    root.setAttribute("role", "region");
    root.setAttribute("aria-label", ARTICLE_TEXT_NAME);
    root.setAttribute("aria-describedby", helpId);

    let frame = 0;
    let placeBeforeTab: { x: number; y: number } | null = null;
    const drawCaret = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const keyboardFocus = document.activeElement === root && root.matches(":focus-visible");
        const offset = keyboardFocus ? caretOffset(index) : null;
        const rect = offset === null ? null : caretRect(index, offset);
        const next = rect ? toPageBox(rect) : null;
        setCaret((current) => (sameBox(current, next) ? current : next));
      });
    };
    const onSelectionChange = () => {
      remembered.current = selectionFocusOffset(index) ?? remembered.current;
      drawCaret();
    };
    // Tabbing to an element first scrolls all of it into view, which for the whole
    // text means a jump to its top or end; where some of it was on screen, the
    // reader keeps their place. The place is noted as Tab goes down, before the scroll.
    const onTabDown = (event: KeyboardEvent) => {
      if (event.key !== "Tab") return;
      placeBeforeTab = { x: window.scrollX, y: window.scrollY };
      setTimeout(() => (placeBeforeTab = null));
    };
    const keepPlace = () => {
      if (!placeBeforeTab) return;
      const scrolled = window.scrollY - placeBeforeTab.y;
      const { top, bottom } = root.getBoundingClientRect();
      if (bottom + scrolled > 0 && top + scrolled < window.innerHeight) window.scrollTo(placeBeforeTab.x, placeBeforeTab.y);
    };
    const onFocus = () => {
      if (root.matches(":focus-visible")) {
        keepPlace();
        resumeCaret(index, remembered.current);
      }
      drawCaret();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.isComposing) return;
      const word = byWord(event);
      // Plain arrows move the caret only from the text itself, not from a link in it.
      const move = event.shiftKey ? EXTEND_KEYS[event.key] : event.target === root ? MOVE_KEYS[event.key] : undefined;
      if (!move || word === null) return;
      resumeCaret(index, remembered.current);
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || (event.shiftKey && !selection.isCollapsed)) return;
      event.preventDefault();
      const [direction, granularity] = move;
      selection.modify(event.shiftKey ? "extend" : "move", direction, word && granularity === "character" ? "word" : granularity);
    };

    // One abort removes every listener added here.
    const listening = new AbortController();
    const { signal } = listening;
    document.addEventListener("keydown", onTabDown, { capture: true, signal });
    root.addEventListener("focus", onFocus, { signal });
    root.addEventListener("blur", drawCaret, { signal });
    root.addEventListener("keydown", onKeyDown, { signal });
    document.addEventListener("selectionchange", onSelectionChange, { signal });
    window.addEventListener("resize", drawCaret, { signal });
    return () => {
      cancelAnimationFrame(frame);
      listening.abort();
      root.removeAttribute("tabindex");
      for (const name of ["role", "aria-label", "aria-describedby"]) root.removeAttribute(name);
      setCaret(null);
    };
  }, [index, helpId]);

  const returnToText = useCallback(() => {
    if (!index) return;
    const root = index.root as HTMLElement;
    // Focusing the text puts the caret back (the focus handler); when it already has focus, do that here.
    if (document.activeElement === root) resumeCaret(index, remembered.current);
    else root.focus({ preventScroll: true });
  }, [index]);

  return { caret, returnToText };
}
