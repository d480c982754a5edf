import type { NotebookEntry } from "@/lib/api/notebook";
import type { ExportContext } from "./export-formats";
import { articleUrlOf, entryUrlOf } from "./entry-links";

const escapeLinkText = (text: string) => text.replace(/[[\]\\]/g, "\\$&");

function entryMarkdown(entry: NotebookEntry, origin: string): string {
  const lines = [entry.quote.exact.split(/\r?\n/).map((line) => `> ${line}`).join("\n"), ""];
  if (entry.note) lines.push(entry.note, "");
  if (entry.tags.length > 0) lines.push(`Tags: ${entry.tags.join(", ")}`, "");
  const detached = entry.position === null ? " · detached" : "";
  lines.push(`${entry.color} · ${entry.createdAt.slice(0, 10)}${detached} · [Open in Gloss](${entryUrlOf(entry, origin)})`, "");
  return lines.join("\n");
}

/**
 * One section per article (entries come in article order): its title linking
 * back, then each passage as a blockquote with its note, tags and a link.
 */
export async function* markdownChunks({ entries, origin, exportedAt }: ExportContext): AsyncGenerator<string> {
  yield `# Gloss notebook\n\nExported ${exportedAt.toISOString().slice(0, 10)}.\n`;
  let article: string | null = null;
  for await (const entry of entries) {
    if (entry.article.slug !== article) {
      article = entry.article.slug;
      const byline = entry.article.byline ? `\n\n${entry.article.byline}` : "";
      yield `\n## [${escapeLinkText(entry.article.title)}](${articleUrlOf(entry, origin)})${byline}\n\n`;
    }
    yield entryMarkdown(entry, origin) + "\n";
  }
}
