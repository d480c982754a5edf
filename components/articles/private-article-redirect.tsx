"use client";

import { useSession } from "@/components/auth/session-provider";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { routes } from "@/lib/routes";

/** On an article's 404: if the signed-in reader owns a private article at this address, go where they read it. */
export function PrivateArticleRedirect() {
  const { status } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  const slug = /^\/articles\/([a-z0-9-]+)$/.exec(pathname)?.[1];

  useEffect(() => {
    if (status !== "authenticated" || !slug) return;
    let live = true;
    // Imported here, not at the top: Next loads this 404 boundary with every article page, and the
    // API client brings zod; only a signed-in reader on a missing article needs it.
    import("./articles-api").then(({ fetchOwnArticle }) => fetchOwnArticle(slug)).then(
      (own) => {
        if (live && own.visibility === "private") router.replace(routes.articleRead({ slug, isPrivate: true }));
      },
      () => undefined, // not theirs, or no such article: the 404 stands
    );
    return () => {
      live = false;
    };
  }, [status, slug, router]);
  return null;
}
