"use client";

import dynamic from "next/dynamic";

// Only an imported article's owner sees the controls, so they (and the API client and zod schemas they
// bring) load in their own chunk after the page is shown, instead of with every reader's first visit.
const OwnArticleControls = dynamic(() => import("./own-article-controls").then((module) => module.OwnArticleControls), { ssr: false });

/** OwnArticleControls, loaded on the client once the page is shown. */
export function LazyOwnArticleControls({ slug }: { slug: string }) {
  return <OwnArticleControls slug={slug} />;
}
