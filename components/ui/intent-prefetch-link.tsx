import Link from "next/link";
import type { ComponentProps } from "react";

/** Marks a link whose route is prefetched when a reader shows the intent to follow it (components/layout/prefetch-on-intent). */
export const PREFETCH_ON_INTENT_ATTRIBUTE = "data-prefetch-on-intent";

/**
 * Next's `<Link>`, prefetched on intent instead of on sight: when the reader points at it, touches it or focuses it
 * (`PrefetchOnIntent`, in the root layout), not when it scrolls into view. Next's default prefetches every visible
 * link as the page starts, one main-thread task each, all inside the window Lighthouse counts as blocking time
 * (BENCHMARKS.md, Lighthouse, session 14); a click still finds the route prefetched or on its way.
 */
export function IntentPrefetchLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} {...{ [PREFETCH_ON_INTENT_ATTRIBUTE]: "" }} />;
}
