"use client";

import { createPortal } from "react-dom";
import { overlayContainer } from "../dom/page-box";
import { notePreview } from "./note-preview";
import type { HoveredAnnotation } from "../dom/use-highlight-pointer";

/** A glimpse of the note under the mouse; the card (a click away) has the rest. */
export function NoteTooltip({ hovered }: { hovered: HoveredAnnotation }) {
  const { annotation } = hovered.item;
  const width = 280;
  const left = Math.max(window.scrollX + 8, Math.min(hovered.x - width / 2, window.scrollX + document.documentElement.clientWidth - width - 8));
  return createPortal(
    <div
      role="tooltip"
      style={{ left, top: hovered.y - 14, width }}
      className="pointer-events-none absolute z-30 -translate-y-full rounded-lg bg-ink px-3 py-2 font-sans text-[0.8125rem] leading-snug text-paper shadow-lg"
    >
      {!annotation.isOwn && <bdi className="mb-0.5 block text-xs font-semibold opacity-80">{annotation.author.name}</bdi>}
      {annotation.note ? <span dir="auto">{notePreview(annotation.note, 200)}</span> : <span className="italic opacity-80">Highlighted without a note</span>}
    </div>,
    overlayContainer(),
  );
}
