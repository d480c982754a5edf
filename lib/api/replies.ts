import { z } from "zod";
import "./zod-without-eval";
import { markdownNestingDepth, NOTE_MAX_NESTING } from "./note-nesting";
import { NOTE_MAX_LENGTH, storableText, UNSTORABLE } from "./annotations";
import { formatCount } from "@/lib/format/english-format";

/**
 * The replies API's contract: a reply answers a Link or Public annotation
 * (lib/annotations/reply-access.ts decides who may see and change it).
 */

/** A reply's Markdown: bounded and storable like a note, but never empty. */
const replyBodySchema = z
  .string("Write a reply.")
  .max(NOTE_MAX_LENGTH, `A reply can be at most ${formatCount(NOTE_MAX_LENGTH)} characters long.`)
  .refine(storableText, UNSTORABLE)
  .refine((body) => markdownNestingDepth(body) <= NOTE_MAX_NESTING, `Nest lists, quotes and emphasis at most ${NOTE_MAX_NESTING} levels deep.`)
  .refine((body) => body.trim() !== "", "Write a reply, not only spaces.");

export const createReplySchema = z.object({
  /** UUID v4 chosen by the client: a retried post makes one reply. */
  id: z.uuidv4("Must be a UUID (version 4) chosen by the client.").transform((id) => id.toLowerCase()),
  body: replyBodySchema,
});
/** POST /api/annotations/{id}/replies */
export type CreateReplyInput = z.input<typeof createReplySchema>;
export type CreateReplyData = z.output<typeof createReplySchema>;

export const updateReplySchema = z.object({ body: replyBodySchema });
/** PATCH /api/replies/{id} */
export type UpdateReplyInput = z.input<typeof updateReplySchema>;
export type UpdateReplyData = z.output<typeof updateReplySchema>;

export const replyDtoSchema = z.object({
  id: z.string(),
  annotationId: z.string(),
  /** Markdown source. */
  body: z.string(),
  author: z.object({ name: z.string() }),
  /** The viewer wrote it: they may edit and delete it. */
  isOwn: z.boolean(),
  /** The viewer may delete it: their own, or any reply on their annotation. */
  canDelete: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReplyDto = z.infer<typeof replyDtoSchema>;

/** GET /api/annotations/{id}/replies: oldest first. */
export const annotationRepliesResponseSchema = z.object({ replies: z.array(replyDtoSchema) });
export type AnnotationRepliesResponse = z.infer<typeof annotationRepliesResponseSchema>;

export { replyEndpoints } from "./annotation-endpoints";
