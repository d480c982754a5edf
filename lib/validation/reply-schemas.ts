import { z } from "zod";
import { NOTE_MAX_LENGTH } from "@/lib/annotations/annotation-dto";
import type { CreateReplyInput, UpdateReplyInput } from "@/lib/replies/reply-dto";
import { storableText, UNSTORABLE } from "./annotation-schemas";

/** A reply's Markdown: bounded and storable like a note, but never empty. */
const replyBodySchema = z
  .string("Write a reply.")
  .max(NOTE_MAX_LENGTH, `A reply can be at most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters long.`)
  .refine(storableText, UNSTORABLE)
  .refine((body) => body.trim() !== "", "Write a reply, not only spaces.");

export const createReplySchema = z.object({
  id: z.uuidv4("Must be a UUID (version 4) chosen by the client.").transform((id) => id.toLowerCase()),
  body: replyBodySchema,
}) satisfies z.ZodType<CreateReplyInput, unknown>;

export type CreateReplyData = z.output<typeof createReplySchema>;

export const updateReplySchema = z.object({ body: replyBodySchema }) satisfies z.ZodType<UpdateReplyInput, unknown>;

export type UpdateReplyData = z.output<typeof updateReplySchema>;
