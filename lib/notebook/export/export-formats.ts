import type { NotebookEntry } from "@/lib/api/notebook";
import type { ExportFormat } from "@/lib/api/notebook";
import { csvChunks } from "./csv-export";
import { glossJsonChunks } from "./json-export";
import { markdownChunks } from "./markdown-export";
import { webAnnotationChunks } from "./web-annotation-export";

export interface ExportContext {
  entries: AsyncIterable<NotebookEntry>;
  /** How many entries there are (the W3C collection's `total`). */
  total: () => Promise<number>;
  /** The public origin, for absolute links (lib/http/site-origin.ts). */
  origin: string;
  /** The export's own URL: the W3C collection's id. */
  selfUrl: string;
  exportedAt: Date;
}

export const EXPORT_FILES: Record<ExportFormat, { extension: string; contentType: string; chunks: (context: ExportContext) => AsyncGenerator<string> }> = {
  md: { extension: "md", contentType: "text/markdown; charset=utf-8", chunks: markdownChunks },
  json: { extension: "json", contentType: "application/json; charset=utf-8", chunks: glossJsonChunks },
  jsonld: { extension: "jsonld", contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', chunks: webAnnotationChunks },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8", chunks: csvChunks },
};
