import { v5 as uuidV5 } from "uuid";
import { z } from "zod";
import { QUOTE_CONTEXT_LENGTH } from "@/lib/api/annotations";
import {
  colorSchema,
  noteSchema,
  offsetSchema,
  quoteExactSchema,
  tagListSchema,
  visibilitySchema,
} from "@/lib/api/annotations";
import type { ImportItem } from "./import-item";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// Ids that are not Gloss's own (another tool's IRIs) become stable UUIDs: importing twice still creates one.
const FOREIGN_ID_NAMESPACE = "5d1f6c2a-8f0e-4c61-9a57-2b9e3e1d7c40";

/** An annotation id as Gloss stores it: the UUID at the end of a Gloss IRI, a bare UUID, else one derived from the IRI. */
export function importedId(id: string): string {
  const own = /\/api\/annotations\/([^/?#]+)$/.exec(id)?.[1] ?? id.replace(/^urn:uuid:/i, "");
  return UUID.test(own) && own.length === 36 ? own.toLowerCase() : uuidV5(id, FOREIGN_ID_NAMESPACE);
}

const context = z.string().transform((value) => value.slice(-QUOTE_CONTEXT_LENGTH));
const suffixContext = z.string().transform((value) => value.slice(0, QUOTE_CONTEXT_LENGTH));
const isoDate = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const positionSchema = z
  .object({ start: offsetSchema, end: offsetSchema })
  .refine((position) => position.end > position.start, "The end must be after the start.");

/** An entry of Gloss's own JSON export (NotebookEntry & { articleUrl }). */
export const glossEntrySchema = z.object({
  id: z.uuid("Must be a UUID."),
  articleUrl: z.url("Must be the article's address."),
  color: colorSchema.default("yellow"),
  note: noteSchema.optional().transform((note) => note ?? null),
  visibility: visibilitySchema.default("private"),
  tags: tagListSchema.default([]),
  quote: z.object({ exact: quoteExactSchema, prefix: context.default(""), suffix: suffixContext.default("") }),
  position: positionSchema.nullable().default(null),
  createdAt: isoDate.optional(),
  updatedAt: isoDate.optional(),
});

const textualBody = z.object({ type: z.string().optional(), value: z.string(), purpose: z.string().optional() });
const quoteSelector = z.object({ type: z.literal("TextQuoteSelector"), exact: quoteExactSchema, prefix: context.default(""), suffix: suffixContext.default("") });
const positionSelector = z.object({ type: z.literal("TextPositionSelector"), start: offsetSchema, end: offsetSchema });
const anySelector = z.looseObject({ type: z.string() });
const targetObject = z.looseObject({ source: z.url("Must be the article's address."), selector: z.union([anySelector, z.array(anySelector)]).optional() });

/** A W3C Web Annotation with a TextQuoteSelector on a Gloss article. */
export const webAnnotationSchema = z.looseObject({
  id: z.string().optional(),
  type: z.union([z.literal("Annotation"), z.array(z.string()).refine((types) => types.includes("Annotation"), "Must be an Annotation.")]),
  body: z.union([textualBody, z.string(), z.array(z.union([textualBody, z.string()]))]).optional(),
  target: z.union([z.string(), targetObject, z.array(z.union([z.string(), targetObject]))]),
  created: isoDate.optional(),
  modified: isoDate.optional(),
});

export type GlossEntry = z.output<typeof glossEntrySchema>;
export type WebAnnotationInput = z.output<typeof webAnnotationSchema>;

export function fromGlossEntry(entry: GlossEntry, index: number): ImportItem {
  return { index, ...entry, id: entry.id.toLowerCase(), createdAt: entry.createdAt ?? null, updatedAt: entry.updatedAt ?? null };
}

/** The Gloss item a Web Annotation describes, or the reason it cannot be one (a message for its `target`). */
export function fromWebAnnotation(annotation: WebAnnotationInput, index: number): ImportItem | string {
  const targets = (Array.isArray(annotation.target) ? annotation.target : [annotation.target]).filter((target) => typeof target !== "string");
  for (const target of targets) {
    const selectors = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
    const quote = selectors.map((selector) => quoteSelector.safeParse(selector)).find((result) => result.success)?.data;
    if (!quote) continue;
    const position = selectors.map((selector) => positionSelector.safeParse(selector)).find((result) => result.success)?.data;
    const bodies = (annotation.body === undefined ? [] : Array.isArray(annotation.body) ? annotation.body : [annotation.body]).filter(
      (body) => typeof body !== "string",
    );
    const note = bodies.filter((body) => body.purpose !== "tagging").map((body) => body.value).join("\n\n");
    const tags = tagListSchema.safeParse(bodies.filter((body) => body.purpose === "tagging").map((body) => body.value));
    if (!tags.success) return "Its tagging bodies are not valid tags.";
    const parsedNote = noteSchema.safeParse(note);
    if (!parsedNote.success) return "Its note is too long or cannot be stored.";
    return {
      index,
      id: importedId(annotation.id ?? `${target.source}#${quote.exact}#${annotation.created?.toISOString() ?? ""}`),
      articleUrl: target.source,
      color: "yellow",
      note: parsedNote.data,
      visibility: "private",
      tags: tags.data,
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: position && position.end > position.start ? { start: position.start, end: position.end } : null,
      createdAt: annotation.created ?? null,
      updatedAt: annotation.modified ?? null,
    };
  }
  return "Needs a target with a source and a TextQuoteSelector.";
}
