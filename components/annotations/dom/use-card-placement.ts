"use client";

import { useEffect, useRef } from "react";
import { cardPosition, currentViewport, planCardOpening, scrollPageTo, type CardSide } from "./card-placement";
import type { PageBox } from "./page-box";
import { usePopoverPosition } from "@/components/ui/use-popover-position";

/**
 * Places an annotation card by its passage (or docks it, on phones) and, once
 * per opening (`openKey`), scrolls the page so the passage and card show.
 * `reveal`: the passage may be off screen (opened from the list or a link).
 * `anchor` measures what the card hangs from when called, never while rendering: measuring forces a layout.
 */
export function useCardPlacement(
  element: HTMLElement | null,
  anchor: () => PageBox | null,
  options: { docked: boolean; reveal: boolean; openKey: number },
) {
  const side = useRef<CardSide>("below");
  const plannedFor = useRef<number | null>(null);
  const { docked, reveal, openKey } = options;
  const planOpening = (box: PageBox, size: { width: number; height: number }) => {
    if (plannedFor.current === openKey) return;
    plannedFor.current = openKey;
    const plan = planCardOpening(box, size, currentViewport(), { docked, reveal });
    side.current = plan.side;
    if (plan.scrollTo !== null) scrollPageTo(plan.scrollTo);
  };
  // A floating card is measured and placed before the browser paints it.
  usePopoverPosition(docked ? null : element, (size) => {
    const box = anchor();
    if (!box) return null;
    planOpening(box, size);
    return cardPosition(box, size, side.current, currentViewport());
  });
  // A docked card is placed by CSS: only the scroll needs its size, measured in the frame after React's
  // commit (with that frame's own layout) rather than inside the commit, which React does not slice.
  useEffect(() => {
    if (!docked || !element || plannedFor.current === openKey) return;
    const frame = requestAnimationFrame(() => {
      const box = anchor();
      if (box) planOpening(box, { width: element.offsetWidth, height: element.offsetHeight });
    });
    return () => cancelAnimationFrame(frame);
  });
}
