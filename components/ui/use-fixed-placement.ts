"use client";

import { useLayoutEffect, type RefObject } from "react";

const GAP = 8;

type Side = "above" | "below";

/**
 * `element` (fixed) beside `anchor`: on the `side` preferred unless the other
 * has more room; the edges on the anchor's side of the screen aligned (a
 * button on the left opens its menu rightwards); kept on screen.
 */
function place(element: HTMLElement, anchor: HTMLElement, side: Side) {
  const box = anchor.getBoundingClientRect();
  const { clientWidth, clientHeight } = document.documentElement;
  const width = element.offsetWidth;
  const height = element.offsetHeight;
  const roomAbove = box.top - GAP;
  const roomBelow = clientHeight - box.bottom - GAP;
  const above = side === "above" ? height <= roomAbove || roomAbove >= roomBelow : height > roomBelow && roomAbove > roomBelow;
  // The largest top (or bottom) that keeps the whole element on screen.
  const maxOffset = clientHeight - height - GAP;
  const left = box.left + box.width / 2 < clientWidth / 2 ? box.left : box.right - width;
  element.style.left = `${Math.round(Math.max(GAP, Math.min(left, clientWidth - width - GAP)))}px`;
  element.style.top = above ? "" : `${Math.round(Math.min(box.bottom + GAP, maxOffset))}px`;
  element.style.bottom = above ? `${Math.round(Math.min(clientHeight - box.top + GAP, maxOffset))}px` : "";
}

/**
 * Places `floating` (a `fixed` element) beside `anchor` while `open`, before
 * the browser paints and again on every scroll and resize. Fixed against the
 * viewport, no scrolling box around the anchor (a card docked at the foot of
 * a phone's screen scrolls its content) can cut it off.
 */
export function useFixedPlacement(open: boolean, anchor: RefObject<HTMLElement | null>, floating: RefObject<HTMLElement | null>, side: Side) {
  useLayoutEffect(() => {
    if (!open) return;
    const update = () => {
      if (floating.current && anchor.current) place(floating.current, anchor.current, side);
    };
    update();
    window.addEventListener("resize", update);
    window.addEventListener("scroll", update, true);
    return () => {
      window.removeEventListener("resize", update);
      window.removeEventListener("scroll", update, true);
    };
  }, [open, anchor, floating, side]);
}
