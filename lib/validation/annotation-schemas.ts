import { z } from "zod";
import {
  HIGHLIGHT_COLORS,
  NOTE_MAX_LENGTH,
  QUOTE_CONTEXT_LENGTH,
  QUOTE_MAX_LENGTH,
  VISIBILITIES,
  type CreateAnnotationInput,
  type UpdateAnnotationInput,
} from "@/lib/annotations/annotation-dto";
import { articleSlugSchema } from "./article-slug-schema";

/**
 * Request shapes of the annotation API (lib/annotations/annotation-dto.ts is
 * the contract; these schemas enforce it at the boundary).
 */

/** Any UUID; ids in paths that are not one are simply not found. */
export const annotationIdSchema = z.uuid().transform((id) => id.toLowerCase());

// PostgreSQL text cannot hold NUL, and a lone surrogate would be silently
// replaced on the way in: refuse both rather than fail or store something else.
const storableText = (value: string) => !value.includes("\u0000") && value.isWellFormed();
const UNSTORABLE = "Contains characters that cannot be stored.";

const noteSchema = z
  .string()
  .max(NOTE_MAX_LENGTH, `A note can be at most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters long.`)
  .refine(storableText, UNSTORABLE)
  // A note of only whitespace is no note: the annotation is a plain highlight.
  .transform((note) => (note.trim() === "" ? null : note))
  .nullable();

const colorSchema = z.enum(HIGHLIGHT_COLORS, `Choose one of: ${HIGHLIGHT_COLORS.join(", ")}.`);
const visibilitySchema = z.enum(VISIBILITIES, `Choose one of: ${VISIBILITIES.join(", ")}.`);

const offsetSchema = z.int("Must be a whole number.").nonnegative("Must not be negative.");

export const createAnnotationSchema = z
  .object({
    id: z.uuidv4("Must be a UUID (version 4) chosen by the client.").transform((id) => id.toLowerCase()),
    articleSlug: articleSlugSchema,
    color: colorSchema,
    note: noteSchema.optional().transform((note) => note ?? null),
    quote: z.object({
      exact: z
        .string()
        .min(1, "Select some text to highlight.")
        .max(QUOTE_MAX_LENGTH, `A highlight can be at most ${QUOTE_MAX_LENGTH.toLocaleString("en")} characters long.`)
        .refine((exact) => exact.trim() !== "", "Select some text to highlight, not only spaces.")
        .refine(storableText, UNSTORABLE),
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
  }) satisfies z.ZodType<CreateAnnotationInput, unknown>;

export type CreateAnnotationData = z.output<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z
  .object({
    note: noteSchema.optional(),
    color: colorSchema.optional(),
    visibility: visibilitySchema.optional(),
    baseVersion: z.int("Must be a whole number.").positive("Must be a version number (1 or more).").optional(),
  })
  .refine(
    (input) => input.note !== undefined || input.color !== undefined || input.visibility !== undefined,
    "Send at least one of: note, color, visibility.",
  ) satisfies z.ZodType<UpdateAnnotationInput, unknown>;

export type UpdateAnnotationData = z.output<typeof updateAnnotationSchema>;
