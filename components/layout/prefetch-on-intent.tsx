"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { PREFETCH_ON_INTENT_ATTRIBUTE } from "@/components/ui/intent-prefetch-link";

const INTENT_EVENTS = ["pointerover", "touchstart", "focusin"] as const;

/**
 * Prefetches an `IntentPrefetchLink`'s route when the reader points at it, touches it or focuses it: one listener per
 * event on the document for every such link on the page, present and future.
 */
export function PrefetchOnIntent() {
  const router = useRouter();
  useEffect(() => {
    const prefetchIntended = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest(`a[${PREFETCH_ON_INTENT_ATTRIBUTE}]`) : null;
      if (link instanceof HTMLAnchorElement) router.prefetch(link.pathname + link.search);
    };
    for (const type of INTENT_EVENTS) document.addEventListener(type, prefetchIntended, { passive: true });
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, prefetchIntended);
    };
  }, [router]);
  return null;
}
