import { articlePath } from "@/lib/articles/article-path";
import type { NotebookEntry } from "@/lib/notebook/notebook-entry";

/** The article's address, as Gloss builds it: what an import matches articles by. */
export function articleUrlOf(entry: NotebookEntry, origin: string): string {
  return new URL(articlePath(entry.article.slug), origin).href;
}

/** The note's own link, which opens the article at the passage with the card open. */
export function entryUrlOf(entry: NotebookEntry, origin: string): string {
  return new URL(`/n/${entry.id}`, origin).href;
}
