import { AppError } from "@/lib/api/errors";
import { GLOSS_EXPORT_FORMAT } from "@/lib/notebook/export/json-export";
import type { ImportItem } from "./import-item";
import { fromGlossEntry, fromWebAnnotation, glossEntrySchema, webAnnotationSchema } from "./import-schemas";

const MAX_ERRORS = 20;
const MAX_PAGES = 10_000;

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
const typesOf = (value: Record<string, Json>): Json[] => (Array.isArray(value.type) ? value.type : [value.type]);
const invalidFile = (message: string) => new AppError("invalid_file", message);

/** The items of an AnnotationCollection or AnnotationPage, following embedded `first`/`next` pages. */
function pageItems(start: Json): Json[] {
  const items: Json[] = [];
  let page = start;
  for (let count = 0; page !== undefined && page !== null; count++) {
    if (!isObject(page) || count > MAX_PAGES) throw invalidFile("The collection's pages must be embedded in the file (AnnotationPage objects, not links).");
    if (!Array.isArray(page.items)) throw invalidFile("Each AnnotationPage needs an `items` list.");
    items.push(...page.items);
    page = page.next;
  }
  return items;
}

/** The raw items of a file in any accepted shape. */
function rawItems(file: Json): Json[] {
  if (Array.isArray(file)) return file;
  if (!isObject(file)) throw invalidFile("The file must hold a JSON object or a list.");
  if (file.format === GLOSS_EXPORT_FORMAT) {
    if (!Array.isArray(file.annotations)) throw invalidFile("A Gloss export needs an `annotations` list.");
    return file.annotations;
  }
  const types = typesOf(file);
  if (types.includes("AnnotationCollection")) return pageItems(file.first);
  if (types.includes("AnnotationPage")) return pageItems(file);
  if (types.includes("Annotation")) return [file];
  throw invalidFile("Not a Gloss export or a W3C Web Annotation (single, list or AnnotationCollection).");
}

/**
 * Every annotation of an import file, or a 400 naming each item that is not
 * valid (`items.3.quote.exact: …`), so nothing of a bad file is imported.
 * Items are Gloss export entries or W3C Web Annotations, in any mix.
 */
export function parseImportFile(file: Json): ImportItem[] {
  const items: ImportItem[] = [];
  const fieldErrors: Record<string, string[]> = {};
  let errors = 0;
  const fail = (key: string, message: string) => {
    if (++errors <= MAX_ERRORS) (fieldErrors[key] ??= []).push(message);
  };
  rawItems(file).forEach((raw, index) => {
    const isWebAnnotation = isObject(raw) && (typesOf(raw).includes("Annotation") || "target" in raw);
    if (!isWebAnnotation) {
      const result = glossEntrySchema.safeParse(raw);
      if (result.success) items.push(fromGlossEntry(result.data, index));
      else for (const issue of result.error.issues) fail(["items", index, ...issue.path].join("."), issue.message);
      return;
    }
    const result = webAnnotationSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) fail(["items", index, ...issue.path].join("."), issue.message);
      return;
    }
    const item = fromWebAnnotation(result.data, index);
    if (typeof item === "string") fail(`items.${index}.target`, item);
    else items.push(item);
  });
  const seen = new Map<string, number>();
  for (const item of items) {
    const earlier = seen.get(item.id);
    if (earlier !== undefined) fail(`items.${item.index}.id`, `The same id as item ${earlier}.`);
    seen.set(item.id, item.index);
  }
  if (errors > 0) {
    const more = errors > MAX_ERRORS ? ` (the first ${MAX_ERRORS} of ${errors} problems are listed)` : "";
    throw new AppError("validation", `Some annotations in the file are not valid; nothing was imported${more}.`, fieldErrors);
  }
  if (items.length === 0) throw invalidFile("The file holds no annotations.");
  return items;
}
