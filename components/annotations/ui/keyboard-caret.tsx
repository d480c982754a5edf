"use client";

import { createPortal } from "react-dom";
import { overlayContainer, type PageBox } from "../dom/page-box";

/** The keyboard reader's caret in the article text, which browsers draw only in editable text. */
export function KeyboardCaret({ box }: { box: PageBox }) {
  return createPortal(
    <span
      aria-hidden
      data-keyboard-caret=""
      className="pointer-events-none absolute z-30 w-0.5 -translate-x-1/2 rounded-full bg-focus"
      style={{ top: box.top, left: box.left, height: box.bottom - box.top }}
    />,
    overlayContainer(),
  );
}
