import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { routes } from "@/lib/routes";
import { FOCUS_RING } from "@/components/ui/ui-classes";

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-rule">
      <div className="mx-auto flex max-w-[70rem] flex-wrap items-baseline justify-between gap-x-6 gap-y-3 px-5 py-10 font-sans text-sm text-ink-muted sm:px-8">
        <p>
          <span className="font-serif text-base font-semibold text-ink">Gloss</span>
          <span aria-hidden="true" className="mx-2">·</span>
          Read closely. Write in the margins. Share what you find.
        </p>
        <nav aria-label="Site">
          <IntentPrefetchLink href={routes.about} className={`underline-offset-4 hover:text-ink hover:underline ${FOCUS_RING}`}>
            About Gloss
          </IntentPrefetchLink>
        </nav>
      </div>
    </footer>
  );
}
