import type { PageBox } from "./page-box";

export type CardSide = "below" | "above";

/**
 * How a card that opens on a passage perhaps off screen brings it into view: scrolled to (opened from the list), or
 * at once (opened as the page opens, on a shared link's note, as a browser goes to a link's #fragment).
 */
export type RevealMotion = "smooth" | "instant";

interface Size {
  width: number;
  height: number;
}

/** The visible part of the page, in page coordinates. */
export interface Viewport {
  top: number;
  left: number;
  width: number;
  height: number;
}

export function currentViewport(): Viewport {
  return {
    top: window.scrollY,
    left: window.scrollX,
    width: document.documentElement.clientWidth,
    height: window.innerHeight,
  };
}

const GAP = 8;
const MARGIN = 24;

/**
 * Where a card opens and whether the page must scroll for it, decided once
 * per opening (so the card never flips sides while the page scrolls).
 *
 * A floating card goes below its passage when it fits there, above when only
 * that fits (and the passage was already in view), and otherwise below with
 * the page scrolled to show passage and card together: with the passage a
 * fifth of the way down when there's room, else as much of both as fits.
 * A docked card (phones) covers the bottom of the screen, so the passage is
 * scrolled into the part above it.
 */
export function planCardOpening(
  anchor: PageBox,
  size: Size,
  viewport: Viewport,
  options: { docked: boolean; reveal: boolean },
): { side: CardSide; scrollTo: number | null } {
  const visibleTop = viewport.top + MARGIN;
  const visibleBottom = viewport.top + viewport.height - MARGIN;

  if (options.docked) {
    const bottom = visibleBottom - size.height;
    if (anchor.top >= visibleTop && anchor.bottom <= bottom) return { side: "below", scrollTo: null };
    const room = bottom - visibleTop - (anchor.bottom - anchor.top);
    return { side: "below", scrollTo: anchor.top - MARGIN - Math.max(0, room / 3) };
  }

  const belowBottom = anchor.bottom + GAP + size.height;
  const anchorInView = anchor.top >= visibleTop && anchor.bottom <= visibleBottom;
  if (anchorInView && belowBottom <= visibleBottom) return { side: "below", scrollTo: null };
  if (anchorInView && !options.reveal && anchor.top - GAP - size.height >= visibleTop) return { side: "above", scrollTo: null };

  const blockHeight = belowBottom - anchor.top;
  const scrollTo =
    blockHeight <= viewport.height - 2 * MARGIN
      ? Math.max(belowBottom + MARGIN - viewport.height, anchor.top - viewport.height * 0.2)
      : belowBottom + MARGIN - viewport.height;
  return { side: "below", scrollTo: Math.max(0, scrollTo) };
}

/** The floating card's top-left corner for a side, kept inside the page horizontally. */
export function cardPosition(anchor: PageBox, size: Size, side: CardSide, viewport: Viewport): { top: number; left: number } {
  const maxLeft = viewport.left + viewport.width - size.width - 12;
  return {
    top: side === "below" ? anchor.bottom + GAP : anchor.top - GAP - size.height,
    left: Math.max(viewport.left + 12, Math.min(maxLeft, anchor.left - 16)),
  };
}

/**
 * Scrolls the page to `top`, smoothly unless the reader prefers less motion or the page is only opening ("instant": a
 * shared link's note). A smooth scroll as the page opens paints every frame of the way, each a task of the main
 * thread waiting on the compositor, while the page is still starting up (BENCHMARKS.md, Lighthouse, session 16).
 */
export function scrollPageTo(top: number, motion: RevealMotion): void {
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  window.scrollTo({ top, behavior: reduceMotion || motion === "instant" ? "instant" : "smooth" });
}
