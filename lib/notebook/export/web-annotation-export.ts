import { toWebAnnotation, WEB_ANNOTATION_CONTEXT } from "@/lib/annotations/to-web-annotation";
import type { ExportContext } from "./export-formats";

export const ANNOTATIONS_PER_PAGE = 1000;

/**
 * A W3C AnnotationCollection (Web Annotation Protocol, section 4): `total`,
 * and the annotations in AnnotationPages of up to 1,000, each page embedded
 * in the one before as its `next`, so the file holds everything yet keeps
 * the protocol's shapes (`first`, `next`, `partOf`, `startIndex`, `items`).
 */
export async function* webAnnotationChunks({ entries, total, origin, selfUrl }: ExportContext): AsyncGenerator<string> {
  const pageId = (index: number) => `${selfUrl}#page-${index + 1}`;
  const openPage = (index: number) =>
    `{"id":${JSON.stringify(pageId(index))},"type":"AnnotationPage","partOf":${JSON.stringify(selfUrl)},"startIndex":${index * ANNOTATIONS_PER_PAGE},"items":[`;
  const count = await total();
  yield `{"@context":${JSON.stringify(WEB_ANNOTATION_CONTEXT)},"id":${JSON.stringify(selfUrl)},"type":"AnnotationCollection","label":"Gloss notebook","total":${count}`;
  if (count === 0) {
    yield "}\n";
    return;
  }
  yield `,"first":${openPage(0)}`;
  let written = 0;
  let pages = 1;
  for await (const entry of entries) {
    if (written > 0 && written % ANNOTATIONS_PER_PAGE === 0) {
      yield `],"next":${openPage(pages)}`;
      pages++;
    }
    yield `${written % ANNOTATIONS_PER_PAGE === 0 ? "" : ","}\n${JSON.stringify(toWebAnnotation({ annotation: entry, origin }))}`;
    written++;
  }
  yield "]" + "}".repeat(pages) + "}\n";
}
