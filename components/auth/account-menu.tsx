"use client";

import { CircleUserRound, LogOutIcon, NotebookPen } from "lucide-react";
import { useSession } from "@/components/auth/session-provider";
import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type MouseEvent } from "react";
import { routes, signInPath } from "@/lib/routes";
import { FOCUS_RING } from "@/components/ui/ui-classes";

const controlClass =
  `inline-flex h-10 items-center gap-1.5 rounded-full px-3.5 font-medium whitespace-nowrap transition-colors ${FOCUS_RING}`;
/** A control that is an icon alone on phones: a 40 px circle there. */
const iconOnPhonesClass = "max-sm:w-10 max-sm:justify-center max-sm:px-0";

function currentLocation() {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/**
 * The header's account control. It learns who is signed in on the client,
 * after the page arrives, so pages stay the same HTML for every reader.
 */
export function AccountMenu() {
  const { data: session, status, signOut } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  // Holds the space of the signed-out control while the session loads, so nothing shifts.
  if (status === "loading") return <div aria-hidden className="h-10 w-[5.25rem]" />;

  if (!session) {
    // The href is right for no-JS and new tabs; a click also carries the query and #fragment.
    const goToSignIn = (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      router.push(signInPath(currentLocation()));
    };
    return (
      <IntentPrefetchLink href={signInPath(pathname)} onClick={goToSignIn} className={`${controlClass} text-ink hover:bg-ink/5 dark:hover:bg-ink/10`}>
        Sign in
      </IntentPrefetchLink>
    );
  }

  return (
    <div data-signed-in className="flex min-w-0 items-center gap-1">
      <IntentPrefetchLink
        href={routes.notebook}
        aria-current={pathname === routes.notebook ? "page" : undefined}
        className={`${controlClass} ${iconOnPhonesClass} text-ink hover:bg-ink/5 aria-[current=page]:bg-ink/5 dark:hover:bg-ink/10`}
      >
        <NotebookPen aria-hidden className="size-4 sm:hidden" strokeWidth={1.75} />
        {/* Icon only on phones, like Sign out; the link keeps its name either way. */}
        <span className="sr-only sm:not-sr-only">Notebook</span>
      </IntentPrefetchLink>
      <IntentPrefetchLink
        href={routes.account}
        aria-current={pathname === routes.account ? "page" : undefined}
        title={session.user.name}
        className={`inline-flex size-10 shrink-0 items-center justify-center rounded-full font-medium text-ink underline-offset-4 hover:bg-ink/5 sm:size-auto sm:min-w-0 sm:shrink sm:rounded-md sm:px-1.5 sm:py-2 sm:hover:bg-transparent sm:hover:underline dark:hover:bg-ink/10 sm:dark:hover:bg-transparent ${FOCUS_RING}`}
      >
        <CircleUserRound aria-hidden className="size-[1.2rem] sm:hidden" strokeWidth={1.75} />
        {/* On phones a person icon stands for the name, which the link keeps for screen readers and its tooltip. */}
        <span className="sr-only">Account: </span>
        <bdi className="max-sm:sr-only sm:block sm:max-w-[14rem] sm:truncate">{session.user.name}</bdi>
      </IntentPrefetchLink>
      <button
        type="button"
        aria-disabled={signingOut}
        onClick={() => {
          if (signingOut) return;
          setSigningOut(true);
          // A full reload of the same page, on the same host (next-auth's own redirect would use
          // NEXTAUTH_URL's), drops anything the page held for this reader.
          void signOut().then(() => window.location.assign(currentLocation()));
        }}
        className={`${controlClass} ${iconOnPhonesClass} text-ink-muted hover:bg-ink/5 hover:text-ink aria-disabled:cursor-wait dark:hover:bg-ink/10`}
      >
        <LogOutIcon aria-hidden className="size-4" strokeWidth={1.75} />
        {/* Icon only on phones, where the header has room for the name or the words, not both. */}
        <span className="sr-only sm:not-sr-only">{signingOut ? "Signing out…" : "Sign out"}</span>
      </button>
    </div>
  );
}
