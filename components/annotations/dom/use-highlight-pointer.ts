"use client";

import { useEffect, useRef, useState } from "react";
import type { AnchoredAnnotation } from "../anchor-annotations";
import { characterAt } from "./hit-test";
import { toPageBox, type PageBox } from "./page-box";
import type { TextNodeIndex } from "@/lib/anchoring";

const HOVER_DELAY_MS = 450;

export interface HoveredAnnotation {
  item: AnchoredAnnotation;
  /** Page coordinates of the pointer when the tooltip was asked for. */
  x: number;
  y: number;
}

/**
 * Clicks and hovers over painted highlights. A click on a highlight asks to
 * open the annotations under it (innermost first); a click elsewhere outside
 * the annotation UI asks to close. Resting the mouse on a highlight
 * for a moment reveals its note; the pointer becomes a hand over highlights.
 */
export function useHighlightPointer(options: {
  index: TextNodeIndex | null;
  hitsAt: (offset: number) => AnchoredAnnotation[];
  /** `at`: the box of the character clicked, for the card to hang from. */
  onOpen: (items: AnchoredAnnotation[], at: PageBox) => void;
  onDismiss: () => void;
}): HoveredAnnotation | null {
  const { index } = options;
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [hovered, setHovered] = useState<HoveredAnnotation | null>(null);

  useEffect(() => {
    if (!index) return;
    const root = index.root as HTMLElement;
    let frame = 0;
    let timer = 0;
    let hoveredId: string | null = null;

    const hitAtPoint = (x: number, y: number) => {
      const character = characterAt(index, x, y);
      return character ? { items: latest.current.hitsAt(character.offset), rect: character.rect } : null;
    };

    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || !root.contains(event.target as Node)) return;
      if ((event.target as Element).closest("a[href]")) return;
      if (document.getSelection()?.isCollapsed === false) return;
      const hit = hitAtPoint(event.clientX, event.clientY);
      if (hit && hit.items.length > 0) latest.current.onOpen(hit.items, toPageBox(hit.rect));
      else latest.current.onDismiss();
    };

    const onPointerDownOutside = (event: PointerEvent) => {
      const target = event.target as Element;
      if (root.contains(target) || target.closest?.("[data-gloss-ui], [data-sonner-toaster]")) return;
      latest.current.onDismiss();
    };

    const clearHover = () => {
      window.clearTimeout(timer);
      hoveredId = null;
      setHovered(null);
    };

    const onMouseMove = (event: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const hit = event.buttons === 0 ? hitAtPoint(event.clientX, event.clientY)?.items[0] : undefined;
        root.style.cursor = hit ? "pointer" : "";
        if (hit?.annotation.id === hoveredId) return;
        clearHover();
        if (!hit || (hit.annotation.isOwn && !hit.annotation.note)) return;
        hoveredId = hit.annotation.id;
        const x = event.pageX;
        const y = event.pageY;
        timer = window.setTimeout(() => setHovered({ item: hit, x, y }), HOVER_DELAY_MS);
      });
    };

    const onMouseLeave = () => {
      cancelAnimationFrame(frame);
      root.style.cursor = "";
      clearHover();
    };

    document.addEventListener("click", onClick);
    document.addEventListener("pointerdown", onPointerDownOutside, true);
    root.addEventListener("mousemove", onMouseMove);
    root.addEventListener("mouseleave", onMouseLeave);
    root.addEventListener("mousedown", clearHover);
    window.addEventListener("scroll", clearHover, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      document.removeEventListener("click", onClick);
      document.removeEventListener("pointerdown", onPointerDownOutside, true);
      root.removeEventListener("mousemove", onMouseMove);
      root.removeEventListener("mouseleave", onMouseLeave);
      root.removeEventListener("mousedown", clearHover);
      window.removeEventListener("scroll", clearHover);
      root.style.cursor = "";
    };
  }, [index]);

  return hovered;
}
