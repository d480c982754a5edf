import { z } from "zod";

/** `?held=<id>,<id>`: Link annotations the page was opened for (at most 20; ids that are not UUIDs are dropped). */
export const articleEventsQuerySchema = z.object({
  held: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .filter((id) => z.uuid().safeParse(id).success)
        .map((id) => id.toLowerCase())
        .slice(0, 20),
    ),
});

/** Last-Event-ID (or `?lastEventId=`): a change's seq, or null for a new stream. Anything else starts afresh. */
export const lastEventIdSchema = z
  .string()
  .nullable()
  .transform((value) => (value !== null && /^\d{1,18}$/.test(value) ? BigInt(value) : null));
