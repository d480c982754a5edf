import type { NotebookEntry } from "@/lib/api/notebook";
import type { ExportContext } from "./export-formats";
import { articleUrlOf } from "./entry-links";

const HEADER = ["highlight", "note", "tags", "colour", "title", "author", "article URL", "location", "created"];

/**
 * One RFC 4180 field. A value a spreadsheet would run as a formula (starting
 * with = + - @ or a tab/CR) gets a leading apostrophe (OWASP's CSV injection
 * advice), so opening an export never executes what a note says.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(fields: string[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

function entryRow(entry: NotebookEntry, origin: string): string {
  const location = entry.position ? `characters ${entry.position.start}–${entry.position.end}` : "detached";
  return csvRow([
    entry.quote.exact,
    entry.note ?? "",
    entry.tags.join("; "),
    entry.color,
    entry.article.title,
    entry.article.byline ?? "",
    articleUrlOf(entry, origin),
    location,
    entry.createdAt,
  ]);
}

/** One row per annotation, with a byte order mark so spreadsheets read UTF-8 (Arabic, accents) right. */
export async function* csvChunks({ entries, origin }: ExportContext): AsyncGenerator<string> {
  yield "\uFEFF" + csvRow(HEADER);
  for await (const entry of entries) yield entryRow(entry, origin);
}
