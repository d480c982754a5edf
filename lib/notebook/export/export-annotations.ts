import type { Viewer } from "@/lib/auth/viewer";
import type { ExportFormat, NotebookFilter } from "@/lib/api/notebook";
import { countNotebookEntries, notebookEntries } from "../list-notebook";
import { EXPORT_FILES } from "./export-formats";

/** About how much text goes to the client at a time. */
const EXPORT_CHUNK_CHARS = 64 * 1024;

export interface ExportAnnotationsOptions {
  viewer: Viewer;
  format: ExportFormat;
  filter: NotebookFilter;
  origin: string;
  selfUrl: string;
}

export interface AnnotationsExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/**
 * The viewer's annotations under a filter as a file, streamed: entries are
 * read a keyset page at a time as the client takes the bytes, so memory stays
 * bounded however many there are. Markdown is grouped by article, so it is
 * always in article order.
 */
export function exportAnnotations({ viewer, format, filter, origin, selfUrl }: ExportAnnotationsOptions): AnnotationsExport {
  const file = EXPORT_FILES[format];
  const ordered = format === "md" ? { ...filter, sort: "article" as const } : filter;
  const exportedAt = new Date();
  const chunks = file.chunks({
    entries: notebookEntries(viewer, ordered),
    total: () => countNotebookEntries(viewer, ordered),
    origin,
    selfUrl,
    exportedAt,
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // The formats yield a piece per entry; handing each to the response on its own costs more than making it.
    async pull(controller) {
      let buffered = "";
      while (buffered.length < EXPORT_CHUNK_CHARS) {
        const { value, done } = await chunks.next();
        if (done) {
          if (buffered !== "") controller.enqueue(encoder.encode(buffered));
          controller.close();
          return;
        }
        buffered += value;
      }
      controller.enqueue(encoder.encode(buffered));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return { body, contentType: file.contentType, filename: `gloss-notebook-${exportedAt.toISOString().slice(0, 10)}.${file.extension}` };
}
