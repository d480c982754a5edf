import { z } from "zod";

/**
 * The server's environment, validated once when the server starts
 * (instrumentation.ts) so a misconfiguration fails loudly and clearly rather
 * than on some later request. `npm start`/`npm test` fill in the local values.
 */
const serverEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
  NEXTAUTH_URL: z.url({ error: "must be the public URL of Gloss, e.g. https://gloss.example" }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  GLOSS_TRUST_PROXY: z.enum(["0", "1", ""]).optional(),
  GLOSS_SIGN_UPS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export function validateServerEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const result = serverEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Gloss cannot start; fix these environment variables:\n${lines.join("\n")}`);
}
