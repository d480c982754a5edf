import { z } from "zod";

export const revalidateArticlesSchema = z.object({
  slugs: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not an article slug.")).max(1000),
});
