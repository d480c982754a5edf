import { z } from "zod";
import type { Block, Inline } from "./article-model";
import { safeHref } from "./safe-href";
import { safeImageSrc } from "./safe-image-src";

/**
 * Runtime shape of `Article.blocks`. The column is JSON, so what comes back
 * from the database is `unknown` to the type system: the reader narrows it
 * here instead of casting, and a malformed row fails loudly rather than
 * rendering text that no longer matches the stored canonical text.
 */

const inlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("text"), text: z.string() }),
    z.object({ type: z.enum(["emphasis", "strong", "code"]), children: z.array(inlineSchema) }),
    // The parsers only keep http(s)/mailto links; anything else here (say
    // `javascript:`) is corrupt data and must never reach an href.
    z.object({
      type: z.literal("link"),
      href: z.string().refine((href) => safeHref(href) === href, "Not a safe link URL."),
      children: z.array(inlineSchema),
    }),
  ]),
);

const inlineContentSchema = z.array(inlineSchema);

const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("paragraph"), content: inlineContentSchema }),
    z.object({ type: z.literal("heading"), level: z.union([z.literal(2), z.literal(3), z.literal(4)]), content: inlineContentSchema }),
    z.object({ type: z.literal("blockquote"), blocks: z.array(blockSchema) }),
    z.object({ type: z.literal("list"), ordered: z.boolean(), items: z.array(inlineContentSchema) }),
    z.object({ type: z.literal("code"), text: z.string() }),
    z.object({
      type: z.literal("image"),
      src: z.string().refine((src) => safeImageSrc(src) === src, "Not an http(s) image URL."),
      alt: z.string(),
    }),
  ]),
);

export const blocksSchema = z.array(blockSchema);

/** Narrows stored JSON to blocks; throws a ZodError naming the first bad path. */
export function parseBlocks(json: unknown): Block[] {
  return blocksSchema.parse(json);
}
