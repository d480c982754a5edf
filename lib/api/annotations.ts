import { z } from "zod";
import "./zod-without-eval";
import { markdownNestingDepth, NOTE_MAX_LENGTH, NOTE_MAX_NESTING } from "./note-nesting";
import { HIGHLIGHT_COLORS, QUOTE_MAX_LENGTH, TAG_MAX_LENGTH, TAGS_PER_ANNOTATION_MAX, VISIBILITIES } from "./annotation-constants";
import { CONTEXT_LENGTH } from "@/lib/anchoring";
import { articleSlugSchema } from "./articles";
import { formatCount } from "@/lib/format/english-format";

/**
 * The annotation API's contract: the zod schemas that check requests at the
 * boundary, the shape of the answers, and the types of both, inferred from
 * the schemas so that routes, lib/ and the reader's client cannot disagree.
 */
export * from "./annotation-constants";
/** As long as the context lib/anchoring describes a selection with. */
export const QUOTE_CONTEXT_LENGTH = CONTEXT_LENGTH;

/** Any UUID; ids in paths that are not one are simply not found. */
export const annotationIdSchema = z.uuid().transform((id) => id.toLowerCase());

// PostgreSQL text cannot hold NUL, and a lone surrogate would be silently
// replaced on the way in: refuse both rather than fail or store something else.
export const storableText = (value: string) => !value.includes("\u0000") && value.isWellFormed();
export const UNSTORABLE = "Contains characters that cannot be stored.";

export const noteSchema = z
  .string()
  .max(NOTE_MAX_LENGTH, `A note can be at most ${formatCount(NOTE_MAX_LENGTH)} characters long.`)
  .refine(storableText, UNSTORABLE)
  // Deep nesting makes Markdown slow to parse and render (lib/api/note-nesting.ts).
  .refine((note) => markdownNestingDepth(note) <= NOTE_MAX_NESTING, `Nest lists, quotes and emphasis at most ${NOTE_MAX_NESTING} levels deep.`)
  // A note of only whitespace is no note: the annotation is a plain highlight.
  .transform((note) => (note.trim() === "" ? null : note))
  .nullable();

export const colorSchema = z.enum(HIGHLIGHT_COLORS, `Choose one of: ${HIGHLIGHT_COLORS.join(", ")}.`);
export const visibilitySchema = z.enum(VISIBILITIES, `Choose one of: ${VISIBILITIES.join(", ")}.`);

/** A tag name: trimmed, inner whitespace as single spaces, NFC (so "café" typed two ways is one tag). */
export const tagNameSchema = z
  .string()
  .transform((name) => name.normalize("NFC").trim().replace(/\s+/gu, " "))
  .pipe(
    z
      .string()
      .min(1, "A tag needs at least one character.")
      .max(TAG_MAX_LENGTH, `A tag can be at most ${TAG_MAX_LENGTH} characters long.`)
      .refine(storableText, UNSTORABLE),
  );

export const tagListSchema = z
  .array(tagNameSchema)
  .max(TAGS_PER_ANNOTATION_MAX, `At most ${TAGS_PER_ANNOTATION_MAX} tags.`)
  .transform((tags) => [...new Set(tags)]);

export const quoteExactSchema = z
  .string()
  .min(1, "Select some text to highlight.")
  .max(QUOTE_MAX_LENGTH, `A highlight can be at most ${formatCount(QUOTE_MAX_LENGTH)} characters long.`)
  .refine((exact) => exact.trim() !== "", "Select some text to highlight, not only spaces.")
  .refine(storableText, UNSTORABLE);

export const offsetSchema = z.int("Must be a whole number.").nonnegative("Must not be negative.");

export const createAnnotationSchema = z
  .object({
    id: z.uuidv4("Must be a UUID (version 4) chosen by the client.").transform((id) => id.toLowerCase()),
    articleSlug: articleSlugSchema,
    color: colorSchema,
    note: noteSchema.optional().transform((note) => note ?? null),
    quote: z.object({
      exact: quoteExactSchema,
      // The server recomputes the context from the article; these are only bounded.
      prefix: z.string().max(QUOTE_CONTEXT_LENGTH, `At most ${QUOTE_CONTEXT_LENGTH} characters.`).default(""),
      suffix: z.string().max(QUOTE_CONTEXT_LENGTH, `At most ${QUOTE_CONTEXT_LENGTH} characters.`).default(""),
    }),
    position: z.object({ start: offsetSchema, end: offsetSchema }),
  })
  .superRefine((input, context) => {
    const { start, end } = input.position;
    if (end <= start) {
      context.addIssue({ code: "custom", path: ["position", "end"], message: "Must be greater than the start." });
    } else if (end - start !== input.quote.exact.length) {
      context.addIssue({ code: "custom", path: ["position"], message: "Must span exactly the quoted text." });
    }
  });

/** POST /api/annotations, as the client sends it. */
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
/** … and as lib/ receives it once validated. */
export type CreateAnnotationData = z.output<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z
  .object({
    note: noteSchema.optional(),
    color: colorSchema.optional(),
    visibility: visibilitySchema.optional(),
    /** Replaces the annotation's tags. */
    tags: tagListSchema.optional(),
    /**
     * The `version` this change was made on. When the annotation has changed
     * since, the answer is 409 `version_conflict` with the current annotation
     * (unless it already holds exactly these changes: then 200, so a retried
     * PATCH is harmless). Without it, the change applies to whatever is there.
     */
    baseVersion: z.int("Must be a whole number.").positive("Must be a version number (1 or more).").optional(),
  })
  .refine(
    (input) => input.note !== undefined || input.color !== undefined || input.visibility !== undefined || input.tags !== undefined,
    "Send at least one of: note, color, visibility, tags.",
  );

/** PATCH /api/annotations/{id}; absent fields stay as they are. */
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;
export type UpdateAnnotationData = z.output<typeof updateAnnotationSchema>;

const quoteSchema = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });

/** An annotation as the API answers with it (built by lib/annotations/to-annotation-dto.ts). */
export const annotationDtoSchema = z.object({
  id: z.string(),
  articleSlug: z.string(),
  color: z.enum(HIGHLIGHT_COLORS),
  /** Markdown source, or null for a plain highlight. */
  note: z.string().nullable(),
  visibility: z.enum(VISIBILITIES),
  quote: quoteSchema,
  /** Offsets into the article's current canonical text; null when detached (the text it pointed at is gone). */
  position: z.object({ start: z.number(), end: z.number() }).nullable(),
  /** Only the name: readers never learn another reader's internal id (`isOwn` says whether it is the viewer's). */
  author: z.object({ name: z.string() }),
  /** Its author's tag names, sorted. */
  tags: z.array(z.string()),
  /** True when the viewer wrote it (and so may change it). */
  isOwn: z.boolean(),
  /** Replies the viewer may read (none while Private; lib/annotations/reply-access.ts). */
  replyCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 1 when created, one more after every change; send it back as PATCH's `baseVersion`. */
  version: z.number(),
});
export type AnnotationDto = z.infer<typeof annotationDtoSchema>;

/**
 * GET /api/articles/{slug}/annotations: an envelope, so article-level fields
 * can join later without breaking clients. POST, PATCH and
 * GET /api/annotations/{id} answer with a bare AnnotationDto.
 */
export const articleAnnotationsResponseSchema = z.object({
  /**
   * The change-log seq this list reflects (a bigint, as a string): every change up to it is in
   * the list. Open GET /api/articles/{slug}/events with it as Last-Event-ID (or `?lastEventId=`)
   * and the stream replays every later one, so the list need not be loaded again.
   */
  lastEventId: z.string().regex(/^\d+$/u),
  annotations: z.array(annotationDtoSchema),
});
export type ArticleAnnotationsResponse = z.infer<typeof articleAnnotationsResponseSchema>;

export { annotationEndpoints } from "./annotation-endpoints";
