import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { routes } from "@/lib/routes";
import { FOCUS_RING } from "./ui-classes";

/** The way back to the library from pages that end a journey (404, about). */
export function LibraryLink() {
  return (
    <p className="mt-9 font-sans text-sm font-medium">
      <IntentPrefetchLink
        href={routes.home}
        className={`inline-flex items-center rounded-full bg-ink px-5 py-2.5 text-paper transition-opacity hover:opacity-90 ${FOCUS_RING}`}
      >
        Browse the library
      </IntentPrefetchLink>
    </p>
  );
}
