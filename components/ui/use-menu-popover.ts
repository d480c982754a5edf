"use client";

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { focusRovingItem, handleRovingKeyDown, initRovingFocus } from "./roving-focus";

/**
 * A menu button and its popover (the WAI-ARIA menu button pattern): Up or
 * Down on the button opens it; while open, focus is in the menu (on the item
 * `preferredItem` selects, else the first), arrows move between items, Escape
 * closes it and returns to the button, Tab closes it and moves on, and a
 * press anywhere outside the menu and its button closes it. MenuButton
 * renders the button and the menu.
 */
export function useMenuPopover(preferredItem?: string) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    initRovingFocus(menu.current, preferredItem ? menu.current?.querySelector<HTMLElement>(preferredItem) : null);
    focusRovingItem(menu.current);
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [open, setOpen, preferredItem]);

  /** Closes the menu and gives focus back to its button. */
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, [setOpen]);

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      // Only the menu closes, not the card or dialog around it.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === "Tab") {
      setOpen(false);
    } else {
      handleRovingKeyDown(event, "vertical");
    }
  };

  return { open, setOpen, menuId, button, menu, close, onButtonKeyDown, onMenuKeyDown };
}
