"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { cardReducer, initialCardModel, type CardAction } from "./card-state";

export interface CardActionOptions {
  /** Where focus returns when a card opened by this action closes. */
  from?: HTMLElement | null;
  /**
   * When the action closes the card: false when the reader's attention is
   * elsewhere; an element to go to instead of where the card was opened from
   * (which is about to disappear). "dismissed" never moves focus.
   */
  restoreFocus?: boolean | HTMLElement;
}

/**
 * The open card (card-state.ts) and where focus goes: into the card when it
 * opens or changes (its textbox when writing), and back where it came from
 * when it closes.
 */
export function useCardState() {
  const [model, setModel] = useState(initialCardModel);
  // The model as of the last action, so that actions in one event see each other.
  const latest = useRef(initialCardModel);
  const cardElement = useRef<HTMLElement | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusPending = useRef(false);
  const { card, opening } = model;

  useEffect(() => {
    if (!focusPending.current || !card) return;
    focusPending.current = false;
    const element = cardElement.current;
    // A note editor focuses its own textbox; the card scrolls itself into view.
    if (element && !element.contains(document.activeElement)) element.focus({ preventScroll: true });
  }, [card]);

  const dispatch = useCallback((action: CardAction, options: CardActionOptions = {}) => {
    const before = latest.current;
    const after = cardReducer(before, action);
    if (after === before) return;
    latest.current = after;
    setModel(after);
    if (after.card === null) {
      const restoreFocus = action.type === "dismissed" ? false : (options.restoreFocus ?? true);
      const origin = returnFocus.current;
      returnFocus.current = null;
      const target = restoreFocus instanceof HTMLElement ? restoreFocus : origin;
      if (restoreFocus && origin?.isConnected && target?.isConnected) target.focus({ preventScroll: true });
      return;
    }
    if (after.opening.key !== before.opening.key) returnFocus.current = options.from ?? null;
    if (action.type !== "switched") focusPending.current = true;
  }, []);

  return { card, opening, dispatch, cardElement };
}
