import { revalidatePath } from "next/cache";
import { articlePaths } from "./revalidation";

/**
 * After an imported article changed (visibility, text, deleted): its static
 * page and the library are rendered afresh on their next request, so a page
 * made private stops being served at once and a public one appears.
 */
export function revalidateArticle(slug: string): void {
  for (const path of articlePaths([slug])) revalidatePath(path);
}
