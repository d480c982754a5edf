"use client";

import { useRef, type RefObject } from "react";
import { cardPosition, currentViewport, planCardOpening, scrollPageTo, type CardSide, type RevealMotion } from "./card-placement";
import type { PageBox } from "./page-box";
import { usePopoverPosition } from "@/components/ui/use-popover-position";

/**
 * Places an annotation card by its passage (or docks it, on phones) and, once
 * per opening (`openKey`), scrolls the page so the passage and card show.
 * `reveal`: the passage may be off screen (opened from the list or a link), and how to bring it into view.
 */
export function useCardPlacement(
  element: RefObject<HTMLElement | null>,
  anchor: PageBox | null,
  options: { docked: boolean; reveal: RevealMotion | null; openKey: number },
) {
  const side = useRef<CardSide>("below");
  const plannedFor = useRef<number | null>(null);
  const { docked, reveal, openKey } = options;
  usePopoverPosition(element, (size) => {
    if (!anchor) return null;
    const viewport = currentViewport();
    if (plannedFor.current !== openKey) {
      plannedFor.current = openKey;
      const plan = planCardOpening(anchor, size, viewport, { docked, reveal: reveal !== null });
      side.current = plan.side;
      if (plan.scrollTo !== null) scrollPageTo(plan.scrollTo, reveal ?? "smooth");
    }
    return docked ? null : cardPosition(anchor, size, side.current, viewport);
  });
}
