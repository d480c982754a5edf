"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";

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
 *
 * `element` is a ref to the popover's root (the same element while it is
 * open), not state: a ref callback that set state would make React render the
 * popover again, synchronously, inside the commit that mounts it, and then
 * run every passive effect of that commit in the same task (for the share
 * page's card at start-up, a 15–29 ms task; BENCHMARKS.md, Lighthouse,
 * session 16).
 */
export function usePopoverPosition(element: RefObject<HTMLElement | null>, place: Place) {
  const latest = useRef(place);
  useLayoutEffect(() => {
    latest.current = place;
    if (element.current) apply(element.current, place);
  });

  useLayoutEffect(() => {
    const popover = element.current;
    if (!popover) return;
    const update = () => apply(popover, latest.current);
    const observer = new ResizeObserver(update);
    observer.observe(popover);
    window.addEventListener("resize", update);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", update);
    };
  }, [element]);
}
