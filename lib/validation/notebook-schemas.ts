import { z } from "zod";
import { HIGHLIGHT_COLORS, VISIBILITIES } from "@/lib/annotations/annotation-dto";
import { articleSlugSchema } from "./article-slug-schema";
import { tagNameSchema } from "./annotation-schemas";

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
