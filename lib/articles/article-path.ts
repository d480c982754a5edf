/** The reader page of an article. */
export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}
