"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";

/**
 * Calls `load` when `target` comes within a screen's height below the viewport, so that scrolling
 * reaches the next page without a click. `key` names what `load` would load (the next page's cursor;
 * null while there is nothing to load or a load is on its way): a new key watches again, so a page
 * that leaves the target still in reach loads the one after it.
 */
export function useLoadOnApproach(target: RefObject<HTMLElement | null>, key: string | null, load: () => void) {
  const onApproach = useEffectEvent(load);
  useEffect(() => {
    const element = target.current;
    if (!element || !key) return;
    const observer = new IntersectionObserver(
      (records) => {
        if (!records.some((record) => record.isIntersecting)) return;
        observer.disconnect();
        onApproach();
      },
      { rootMargin: "0px 0px 100% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, key]);
}
