"use client";

import { PlusIcon } from "lucide-react";
import { useSession } from "@/components/auth/session-provider";
import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";

/** The header's "Add article" link, for signed-in readers (learned on the client, like the account menu). */
export function AddArticleLink() {
  const { status } = useSession();
  if (status !== "authenticated") return null;
  return (
    <IntentPrefetchLink
      href="/articles/new"
      className="inline-flex h-10 items-center gap-1.5 rounded-full px-3 font-medium whitespace-nowrap text-ink transition-colors hover:bg-ink/5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus dark:hover:bg-ink/10"
    >
      <PlusIcon aria-hidden className="size-4" strokeWidth={2} />
      {/* Icon only on phones; the name stays for screen readers. */}
      <span className="sr-only sm:not-sr-only">Add article</span>
    </IntentPrefetchLink>
  );
}
