import { z } from "zod";
import { MAX_IMPORT_BYTES } from "@/lib/articles/extract-imported-document";

/** Request shapes of the article import API. */

const storable = (value: string) => !value.includes("\u0000") && value.isWellFormed();
const UNSTORABLE = "Contains characters that cannot be stored.";
const TOO_LARGE = "The file is larger than 5 MB";

export const importArticleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("url"),
    url: z.string().trim().min(1, "Enter the article's address.").max(2048, "That address is too long."),
  }),
  z.object({
    kind: z.literal("file"),
    fileName: z.string().min(1).max(255),
    // Base64 is 4/3 the size of the bytes it carries.
    contentBase64: z.base64("That file could not be read").max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, TOO_LARGE),
  }),
  z.object({
    kind: z.literal("paste"),
    text: z.string().trim().min(1, "Paste the article's text or HTML.").max(MAX_IMPORT_BYTES, TOO_LARGE).refine(storable, UNSTORABLE),
    title: z.string().trim().max(300, "A title can be at most 300 characters long.").refine(storable, UNSTORABLE).nullish(),
  }),
]);

export type ImportArticleInput = z.infer<typeof importArticleSchema>;

export const updateArticleSchema = z.object({ visibility: z.enum(["private", "public"]) });
