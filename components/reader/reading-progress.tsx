"use client";

import { useEffect, useRef } from "react";

/**
 * A thin bar at the top of the viewport showing how much of the article text
 * has scrolled past. It repeats what the scroll position already tells, so
 * it is hidden from assistive technology rather than announced as a
 * progressbar (which would claim a task is loading).
 */
export function ReadingProgress({
  direction,
  targetSelector = "[data-article-text]",
}: {
  /** The article's writing direction: the bar grows the way the text reads. */
  direction: "ltr" | "rtl";
  targetSelector?: string;
}) {
  const barRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = document.querySelector(targetSelector);
    const bar = barRef.current;
    if (!target || !bar) return;

    let frame = 0;
    const update = () => {
      frame = 0;
      const rect = target.getBoundingClientRect();
      // 0 when the text's top reaches the viewport's top, 1 when its end reaches the viewport's bottom.
      const scrollable = rect.height - window.innerHeight;
      const progress = scrollable <= 0 ? (rect.bottom <= window.innerHeight ? 1 : 0) : -rect.top / scrollable;
      bar.style.transform = `scaleX(${Math.min(1, Math.max(0, progress))})`;
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };

    // Measured in the next frame, not here: reading the layout during hydration's effects would force the page's
    // style and layout (~27 ms after the web fonts arrive, BENCHMARKS.md) into hydration's task.
    schedule();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    // Web fonts and the annotation panel change the text's height after load.
    const resizeObserver = new ResizeObserver(schedule);
    resizeObserver.observe(target);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      resizeObserver.disconnect();
    };
  }, [targetSelector]);

  return (
    <div aria-hidden="true" className="pointer-events-none fixed inset-x-0 top-0 z-40 h-[3px]">
      <div
        ref={barRef}
        data-reading-progress=""
        className={`h-full bg-accent ${direction === "rtl" ? "origin-right" : "origin-left"}`}
        style={{ transform: "scaleX(0)" }}
      />
    </div>
  );
}
