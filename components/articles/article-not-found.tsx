"use client";

import { NotFoundMessage } from "@/components/layout/not-found-message";
import { PrivateArticleRedirect } from "./private-article-redirect";

/**
 * An unknown article's 404 as the not-found boundary of app/articles/[slug]
 * renders it: the library's 404, and the private article owner's way on.
 * A client component because Next writes a segment's not-found UI into the
 * flight data of every page of the segment, found articles included: as a
 * client component it is a reference there, where its markup written out
 * made every cached reader page 1.4 kB larger (BENCHMARKS.md, "Reader page
 * throughput").
 */
export function ArticleNotFound() {
  return (
    <>
      <NotFoundMessage />
      <PrivateArticleRedirect />
    </>
  );
}
