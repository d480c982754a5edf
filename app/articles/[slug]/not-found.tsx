import { ArticleNotFound } from "@/components/articles/article-not-found";

export { metadata } from "@/app/not-found";

/**
 * An article nobody may read at this address: the library's 404, the same for
 * everyone. A private article's owner who opens its public address (an old
 * link, typed by hand) is sent on to where they read it, from the client, so
 * the page stays one cached 404 for everyone else.
 */
export default function ArticleNotFoundBoundary() {
  return <ArticleNotFound />;
}
