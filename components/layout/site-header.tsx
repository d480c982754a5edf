import Link from "next/link";
import { AddArticleLink } from "@/components/articles/add-article-link";
import { AccountMenu } from "@/components/auth/account-menu";
import { GlossMark } from "./gloss-mark";
import { ThemeToggle } from "./theme-toggle";
import { routes } from "@/lib/routes";
import { FOCUS_RING } from "@/components/ui/ui-classes";

export function SiteHeader() {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex h-16 max-w-[70rem] items-center justify-between gap-4 px-5 sm:px-8">
        <Link
          href={routes.home}
          className={`-mx-2 inline-flex items-center gap-2.5 rounded-md px-2 py-1 font-serif text-[1.375rem] font-semibold tracking-[-0.01em] text-ink ${FOCUS_RING}`}
        >
          <GlossMark className="size-6" />
          Gloss
        </Link>
        <div className="flex items-center gap-1 font-sans text-sm">
          <AddArticleLink />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
