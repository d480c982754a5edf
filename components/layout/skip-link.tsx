import { FOCUS_RING } from "@/components/ui/ui-classes";

/** First focusable element on every page: jumps past the header to the page's main content. */
export function SkipLink({ targetId }: { targetId: string }) {
  return (
    <a
      href={`#${targetId}`}
      className={`fixed top-3 left-3 z-50 -translate-y-24 rounded-md bg-ink px-4 py-2 font-sans text-sm font-medium text-paper shadow-lg transition-transform focus:translate-y-0 ${FOCUS_RING}`}
    >
      Skip to content
    </a>
  );
}
