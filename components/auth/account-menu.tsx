"use client";

import { LogOutIcon, NotebookPen } from "lucide-react";
import { useSession } from "@/components/auth/session-provider";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type MouseEvent } from "react";
import { routes, signInPath } from "@/lib/routes";
import { FOCUS_RING } from "@/components/ui/ui-classes";

const controlClass =
  `inline-flex h-10 items-center gap-1.5 rounded-full px-3.5 font-medium whitespace-nowrap transition-colors ${FOCUS_RING}`;

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
      <Link href={signInPath(pathname)} onClick={goToSignIn} className={`${controlClass} text-ink hover:bg-ink/5 dark:hover:bg-ink/10`}>
        Sign in
      </Link>
    );
  }

  return (
    <div className="flex min-w-0 items-center gap-1">
      <Link
        href={routes.notebook}
        aria-current={pathname === routes.notebook ? "page" : undefined}
        className={`${controlClass} text-ink hover:bg-ink/5 aria-[current=page]:bg-ink/5 dark:hover:bg-ink/10`}
      >
        <NotebookPen aria-hidden className="size-4 sm:hidden" strokeWidth={1.75} />
        {/* Icon only on phones, like Sign out; the link keeps its name either way. */}
        <span className="sr-only sm:not-sr-only">Notebook</span>
      </Link>
      <Link
        href={routes.account}
        aria-current={pathname === routes.account ? "page" : undefined}
        className="min-w-0 rounded-md px-1.5 py-2 font-medium text-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        <span className="sr-only">Account: </span>
        <bdi title={session.user.name} className="block max-w-[7rem] truncate sm:max-w-[14rem]">
          {session.user.name}
        </bdi>
      </Link>
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
        className={`${controlClass} text-ink-muted hover:bg-ink/5 hover:text-ink aria-disabled:cursor-wait dark:hover:bg-ink/10`}
      >
        <LogOutIcon aria-hidden className="size-4" strokeWidth={1.75} />
        {/* Icon only on phones, where the header has room for the name or the words, not both. */}
        <span className="sr-only sm:not-sr-only">{signingOut ? "Signing out…" : "Sign out"}</span>
      </button>
    </div>
  );
}
