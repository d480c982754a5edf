"use client";

import { useLayoutEffect, useRef } from "react";

type Place = (size: { width: number; height: number }) => { top: number; left: number } | null;

function apply(element: HTMLElement, place: Place) {
  const position = place({ width: element.offsetWidth, height: element.offsetHeight });
  if (!position) return;
  element.style.top = `${Math.round(position.top)}px`;
  element.style.left = `${Math.round(position.left)}px`;
}

/**
 * Positions an absolutely placed popover from its own measured size: written
 * straight to the element's style before the browser paints, after every
 * render (what it hangs from may have moved) and whenever its size or the
 * window's changes (a note finishing rendering, a rotated phone).
 */
export function usePopoverPosition(element: HTMLElement | null, place: Place) {
  const latest = useRef(place);
  useLayoutEffect(() => {
    latest.current = place;
    if (element) apply(element, place);
  });

  useLayoutEffect(() => {
    if (!element) return;
    const update = () => apply(element, latest.current);
    const observer = new ResizeObserver(update);
    observer.observe(element);
    window.addEventListener("resize", update);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", update);
    };
  }, [element]);
}
