import type { Viewer } from "@/lib/auth/viewer";
import type { ExportFormat, NotebookFilter } from "@/lib/api/notebook";
import { countNotebookEntries, notebookEntries } from "../list-notebook";
import { EXPORT_FILES } from "./export-formats";

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
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return { body, contentType: file.contentType, filename: `gloss-notebook-${exportedAt.toISOString().slice(0, 10)}.${file.extension}` };
}
