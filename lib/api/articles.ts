import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/articles/article-slug";

/** An article slug as the seeds define it; anything else cannot name an article. */
export const articleSlugSchema = z.string().max(200, "Not an article slug.").regex(SLUG_PATTERN, "Not an article slug.");
