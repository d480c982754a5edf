"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { HighlightColorName } from "@/lib/api/annotations";
import type { PageBox } from "../dom/page-box";

/** A highlight whose note is being written: painted, but not saved until the note is. */
export interface Draft {
  id: string;
  start: number;
  end: number;
  color: HighlightColorName;
}

export type CardState =
  | {
      kind: "annotation";
      /** Annotations covering the spot it was opened for, innermost first. */
      ids: string[];
      activeId: string;
      editing: boolean;
      /** Where it was clicked open; otherwise it hangs from the whole passage. */
      at?: PageBox;
    }
  | { kind: "draft"; draft: Draft };

export interface CardOpening {
  /** Changes with every opening: the card plans its place (and any scroll) once per key. */
  key: number;
  /** The passage may be off screen (opened from the list or a shared link), so bring it into view. */
  reveal: boolean;
}

/**
 * Which card is open, and where focus goes: into the card when it opens (its
 * textbox when writing), and back where it came from when it closes.
 */
export function useCardState() {
  const [state, setState] = useState<{ card: CardState | null; opening: CardOpening }>({
    card: null,
    opening: { key: 0, reveal: false },
  });
  const cardElement = useRef<HTMLElement | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusPending = useRef(false);
  const { card, opening } = state;

  useEffect(() => {
    if (!focusPending.current || !card) return;
    focusPending.current = false;
    const element = cardElement.current;
    // A note editor focuses its own textbox; the card scrolls itself into view.
    if (element && !element.contains(document.activeElement)) element.focus({ preventScroll: true });
  }, [card]);

  const open = useCallback((next: CardState, options: { from?: HTMLElement | null; reveal?: boolean } = {}) => {
    returnFocus.current = options.from ?? null;
    focusPending.current = true;
    setState((current) => ({ card: next, opening: { key: current.opening.key + 1, reveal: options.reveal ?? false } }));
  }, []);

  /** Changes what the open card shows; `focus` puts focus back into it (after editing, say). */
  const show = useCallback((next: CardState, focus = true) => {
    if (focus) focusPending.current = true;
    setState((current) => ({ ...current, card: next }));
  }, []);

  /**
   * `restoreFocus`: false when the reader has clicked somewhere else, which is
   * where their attention is; an element to go to instead of where the card
   * was opened from (which is about to disappear).
   */
  const close = useCallback((restoreFocus: boolean | HTMLElement = true) => {
    setState((current) => ({ ...current, card: null }));
    const origin = returnFocus.current;
    returnFocus.current = null;
    const target = restoreFocus instanceof HTMLElement ? restoreFocus : origin;
    if (restoreFocus && origin?.isConnected && target?.isConnected) target.focus({ preventScroll: true });
  }, []);

  return { card, opening, open, show, close, cardElement };
}
