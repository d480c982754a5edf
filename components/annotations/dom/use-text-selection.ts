"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { rangeBoxes, type PageBox } from "./page-box";
import { isSpace } from "./text-caret";
import type { TextNodeIndex } from "@/lib/anchoring";

export type PointerKind = "mouse" | "touch" | "pen";

export interface TextSelection {
  /** Offsets into the article text, trimmed of whitespace at either edge. */
  start: number;
  end: number;
  /** The first and last line's boxes (toolbars sit above the first or below the last). */
  firstLine: PageBox;
  lastLine: PageBox;
  /** How the reader last pointed: touch selections keep the toolbar clear of the native menu. */
  pointer: PointerKind;
}

function readSelection(index: TextNodeIndex, pointer: PointerKind): TextSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const offsets = index.offsetsOf(selection.getRangeAt(0));
  if (!offsets) return null;
  let { start, end } = offsets;
  while (start < end && isSpace(index.text.charCodeAt(start))) start++;
  while (end > start && isSpace(index.text.charCodeAt(end - 1))) end--;
  if (end <= start) return null;
  const range = index.rangeFor(start, end);
  const boxes = range && rangeBoxes(range);
  if (!boxes) return null;
  return { start, end, firstLine: boxes.first, lastLine: boxes.last, pointer };
}

function sameSelection(a: TextSelection | null, b: TextSelection | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.pointer === b.pointer &&
    a.firstLine.top === b.firstLine.top &&
    a.firstLine.left === b.firstLine.left &&
    a.lastLine.bottom === b.lastLine.bottom &&
    a.lastLine.right === b.lastLine.right
  );
}

/**
 * The reader's current text selection inside the article, or null. While a
 * mouse button is held the selection is still being made, so nothing is
 * reported until it is released; keyboard and touch selections are reported
 * as they change.
 */
export function useTextSelection(index: TextNodeIndex | null): {
  selection: TextSelection | null;
  clear(): void;
  readNow(): TextSelection | null;
} {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const pointer = useRef<PointerKind>("mouse");
  const mouseHeld = useRef(false);
  const frame = useRef(0);

  const schedule = useCallback(() => {
    if (!index) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const next = mouseHeld.current ? null : readSelection(index, pointer.current);
      setSelection((current) => (sameSelection(current, next) ? current : next));
    });
  }, [index]);

  useEffect(() => {
    if (!index) return;
    if (window.matchMedia("(pointer: coarse)").matches) pointer.current = "touch";
    const onPointerDown = (event: PointerEvent) => {
      pointer.current = event.pointerType === "touch" || event.pointerType === "pen" ? event.pointerType : "mouse";
      // Only a press on the article starts a new selection; presses on our own controls keep it.
      if (event.pointerType === "mouse" && event.button === 0 && index.root.contains(event.target as Node)) {
        mouseHeld.current = true;
        schedule();
      }
    };
    const onPointerUp = () => {
      if (!mouseHeld.current) return;
      mouseHeld.current = false;
      schedule();
    };
    document.addEventListener("selectionchange", schedule);
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("pointerup", onPointerUp, true);
    document.addEventListener("pointercancel", onPointerUp, true);
    window.addEventListener("resize", schedule);
    schedule();
    return () => {
      cancelAnimationFrame(frame.current);
      document.removeEventListener("selectionchange", schedule);
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("pointerup", onPointerUp, true);
      document.removeEventListener("pointercancel", onPointerUp, true);
      window.removeEventListener("resize", schedule);
    };
  }, [index, schedule]);

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  /** The selection right now, for key handlers that can't wait for the next frame's state. */
  const readNow = useCallback(() => (index ? readSelection(index, pointer.current) : null), [index]);

  return { selection, clear, readNow };
}
