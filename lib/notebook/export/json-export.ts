import type { ExportContext } from "./export-formats";
import { articleUrlOf } from "./entry-links";

export const GLOSS_EXPORT_FORMAT = "gloss-notebook";

/** Gloss's own JSON: `{ format, version, exportedAt, annotations: [NotebookEntry & { articleUrl }] }`, one entry per line. */
export async function* glossJsonChunks({ entries, origin, exportedAt }: ExportContext): AsyncGenerator<string> {
  yield `{"format":"${GLOSS_EXPORT_FORMAT}","version":1,"exportedAt":${JSON.stringify(exportedAt.toISOString())},"annotations":[`;
  let first = true;
  for await (const entry of entries) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify({ ...entry, articleUrl: articleUrlOf(entry, origin) })}`;
    first = false;
  }
  yield "\n]}\n";
}
