"use client";

import { useEffect, useRef } from "react";
import { focusRovingItem, initRovingFocus } from "./roving-focus";

/**
 * A menu button's popover: while open, focus is in the menu (on the item
 * `preferredItem` selects, else the first) and a press anywhere outside the
 * menu and its button closes it.
 */
export function useMenuPopover(open: boolean, setOpen: (open: boolean) => void, preferredItem?: string) {
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

  return { button, menu };
}
