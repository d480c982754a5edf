/** The reader page of an article. */
export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

/** Where an article is read: a private imported one at its owner's own, per-request address. */
export function articleReadPath(article: { slug: string; isPrivate: boolean }): string {
  return article.isPrivate ? `${articlePath(article.slug)}/private` : articlePath(article.slug);
}
