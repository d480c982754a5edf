import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { AddArticleLink } from "@/components/articles/add-article-link";
import { AccountMenu } from "@/components/auth/account-menu";
import { GlossMark } from "./gloss-mark";
import { ThemeToggle } from "./theme-toggle";
import { routes } from "@/lib/routes";
import { FOCUS_RING } from "@/components/ui/ui-classes";

export function SiteHeader() {
  return (
    <header className="group/header border-b border-rule">
      <div className="mx-auto flex h-16 max-w-[70rem] items-center justify-between gap-2 px-4 sm:gap-4 sm:px-8">
        <IntentPrefetchLink
          href={routes.home}
          className={`-mx-2 inline-flex shrink-0 items-center gap-2.5 rounded-md px-2 py-1 font-serif text-[1.375rem] font-semibold tracking-[-0.01em] text-ink ${FOCUS_RING}`}
        >
          <GlossMark className="size-6" />
          {/* On the narrowest phones a signed-in reader's five controls need the room: the mark alone stays, the name too. */}
          <span className="max-[22.25rem]:group-has-[[data-signed-in]]/header:sr-only">Gloss</span>
        </IntentPrefetchLink>
        <div className="flex min-w-0 items-center gap-1 font-sans text-sm">
          <AddArticleLink />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
