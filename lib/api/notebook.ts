import { z } from "zod";
import { routes } from "@/lib/routes";
import { annotationDtoSchema, HIGHLIGHT_COLORS, tagNameSchema, VISIBILITIES } from "./annotations";
import { articleSlugSchema } from "./articles";
import type { Endpoint } from "./endpoint";

/**
 * The notebook's contract: the reader's own annotations across articles,
 * filtered and searched a keyset page at a time, their tags, export and import.
 */

export const NOTEBOOK_SORTS = ["newest", "oldest", "article"] as const;
export type NotebookSort = (typeof NOTEBOOK_SORTS)[number];

export const NOTEBOOK_PAGE_MAX = 100;
export const SEARCH_QUERY_MAX_LENGTH = 200;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/**
 * What narrows a reader's annotations, from a query string: the notebook's
 * list and the export take the same filters.
 */
export const notebookFilterSchema = z.object({
  q: z.preprocess(emptyAsUndefined, z.string().max(SEARCH_QUERY_MAX_LENGTH, `At most ${SEARCH_QUERY_MAX_LENGTH} characters.`).optional()),
  tag: z.preprocess(emptyAsUndefined, tagNameSchema.optional()),
  color: z.preprocess(emptyAsUndefined, z.enum(HIGHLIGHT_COLORS, `Choose one of: ${HIGHLIGHT_COLORS.join(", ")}.`).optional()),
  article: z.preprocess(emptyAsUndefined, articleSlugSchema.optional()),
  visibility: z.preprocess(emptyAsUndefined, z.enum(VISIBILITIES, `Choose one of: ${VISIBILITIES.join(", ")}.`).optional()),
  hasNote: z.preprocess(emptyAsUndefined, z.enum(["true", "false"], "Must be true or false.").transform((value) => value === "true").optional()),
  sort: z.preprocess(emptyAsUndefined, z.enum(NOTEBOOK_SORTS, `Choose one of: ${NOTEBOOK_SORTS.join(", ")}.`).default("newest")),
});

export type NotebookFilter = z.output<typeof notebookFilterSchema>;

export const notebookPageSchema = notebookFilterSchema.extend({
  cursor: z.preprocess(emptyAsUndefined, z.string().max(1000).optional()),
  limit: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int("Must be a whole number.").min(1, "At least 1.").max(NOTEBOOK_PAGE_MAX, `At most ${NOTEBOOK_PAGE_MAX}.`).default(30),
  ),
});

export type NotebookPageQuery = z.output<typeof notebookPageSchema>;

export const EXPORT_FORMATS = ["md", "json", "jsonld", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuerySchema = notebookFilterSchema.extend({
  format: z.enum(EXPORT_FORMATS, `Choose one of: ${EXPORT_FORMATS.join(", ")}.`),
});

export const renameTagSchema = z.object({ name: tagNameSchema });

/** A query string as an object for the schemas above (the last value of a repeated key wins). */
export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

/** One annotation in the reader's notebook: the annotation and the article it belongs to. */
export const notebookEntrySchema = annotationDtoSchema.extend({
  article: z.object({ slug: z.string(), title: z.string(), byline: z.string().nullable() }),
});
export type NotebookEntry = z.infer<typeof notebookEntrySchema>;

/** GET /api/annotations; `nextCursor` is null on the last page. */
export const notebookPageResponseSchema = z.object({ annotations: z.array(notebookEntrySchema), nextCursor: z.string().nullable() });
export type NotebookPage = z.infer<typeof notebookPageResponseSchema>;

export const tagCountSchema = z.object({ name: z.string(), count: z.number() });
export type TagCount = z.infer<typeof tagCountSchema>;
export type TagsResponse = { tags: TagCount[] };
export type RenameTagInput = z.input<typeof renameTagSchema>;

export const importSummarySchema = z.object({
  imported: z.number(),
  detached: z.number(),
  alreadyPresent: z.number(),
  skippedArticleNotFound: z.number(),
  message: z.string(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** The notebook's endpoints, for apiFetch. */
export const notebookEndpoints = {
  page: (query: URLSearchParams): Endpoint<undefined, NotebookPage> => ({ method: "GET", path: `${routes.api.annotations}?${query.toString()}` }),
  tags: (): Endpoint<undefined, TagsResponse> => ({ method: "GET", path: routes.api.tags }),
  renameTag: (name: string): Endpoint<RenameTagInput, TagsResponse> => ({ method: "PATCH", path: routes.api.tag(name) }),
  /** The body is the file as chosen, sent as it is (the server checks its size and shape). */
  importFile: (): Endpoint<Blob, ImportSummary> => ({ method: "POST", path: routes.api.annotationsImport }),
};
