import { routes } from "@/lib/routes";
import type { NotebookEntry } from "@/lib/api/notebook";

/** The article's address, as Gloss builds it: what an import matches articles by. */
export function articleUrlOf(entry: NotebookEntry, origin: string): string {
  return new URL(routes.article(entry.article.slug), origin).href;
}

/** The note's own link, which opens the article at the passage with the card open. */
export function entryUrlOf(entry: NotebookEntry, origin: string): string {
  return new URL(routes.sharedNote(entry.id), origin).href;
}
