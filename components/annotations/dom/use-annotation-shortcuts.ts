"use client";

import { useEffect, useRef } from "react";
import type { TextSelection } from "./use-text-selection";

/**
 * The key as one of our shortcut names. H and N are the letters where the
 * keyboard has Latin letters, and the keys in those places where it doesn't
 * (an Arabic or Greek layout), so the shortcuts work without switching layouts.
 */
function shortcutOf(event: KeyboardEvent): "Tab" | "Escape" | "h" | "n" | null {
  if (event.key === "Tab" || event.key === "Escape") return event.key;
  const letter = /^[a-z]$/i.test(event.key) ? event.key.toLowerCase() : { KeyH: "h", KeyN: "n" }[event.code];
  return letter === "h" || letter === "n" ? letter : null;
}

function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !["button", "checkbox", "radio", "submit", "reset"].includes(element.type);
  return (element as HTMLElement).isContentEditable;
}

/**
 * Keys that act on a selection in the article: H highlights, N starts a
 * note, Escape lets go of it, and Tab jumps into the toolbar (which sits at
 * the end of the page, far from the selection in tab order) and Shift+Tab
 * back out of it to the text. Escape also closes an open card when focus is
 * elsewhere. Never while typing.
 */
export function useAnnotationShortcuts(options: {
  /** Read when a key is pressed, so a key that follows the selecting gesture at once still finds it. */
  readSelection: () => TextSelection | null;
  canAnnotate: boolean;
  toolbar: HTMLElement | null;
  onHighlight: (selection: TextSelection) => void;
  onAddNote: (selection: TextSelection) => void;
  onDismissSelection: () => void;
  onEnterToolbar: () => void;
  onLeaveToolbar: () => void;
  onEscape: () => void;
}) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTextField(document.activeElement)) return;
      const current = latest.current;
      const inToolbar = !!current.toolbar?.contains(document.activeElement);
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      const selection = current.readSelection();
      if (!selection) {
        if (shortcut === "Escape") current.onEscape();
        return;
      }
      if (shortcut === "Tab" && !event.shiftKey && !inToolbar && current.toolbar) {
        event.preventDefault();
        current.onEnterToolbar();
      } else if (shortcut === "Tab" && event.shiftKey && inToolbar) {
        event.preventDefault();
        current.onLeaveToolbar();
      } else if (shortcut === "Escape") {
        event.preventDefault();
        current.onDismissSelection();
      } else if (!event.shiftKey && current.canAnnotate && shortcut === "h") {
        event.preventDefault();
        current.onHighlight(selection);
      } else if (!event.shiftKey && current.canAnnotate && shortcut === "n") {
        event.preventDefault();
        current.onAddNote(selection);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
