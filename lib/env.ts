import { availableParallelism } from "node:os";
import { z } from "zod";

/**
 * The server's environment, in one place. `serverEnv()` validates it the
 * first time anything asks and remembers the result, so nothing reads or
 * re-checks `process.env` on its own (ESLint forbids it outside this file),
 * and importing a module never throws: `next build` imports route modules
 * while collecting page data. instrumentation.ts asks once at start, so a
 * misconfigured server fails loudly before its first request.
 */
const flag = z
  .enum(["0", "1", ""])
  .optional()
  .transform((value) => value === "1");

/**
 * Connections per process unless DATABASE_POOL_SIZE says otherwise: twice the
 * cores (PostgreSQL's wiki, "Number Of Database Connections": cores × 2 plus
 * disks, none for data in memory), at least 4 so a long import leaves room,
 * at most 10 (pg's own default). More backends than that only queue for the
 * same cores: on two cores, 10 made the notebook's search p99 51–59 ms where 4
 * gave 47–48 (BENCHMARKS.md, Notebook).
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.min(10, Math.max(4, 2 * cores));
}

/** What the database client needs: scripts (seeding, backups, benchmarks) have only this. */
const databaseEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(() => defaultPoolSize()),
});

const serverEnvSchema = databaseEnvSchema
  .extend({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
    NEXTAUTH_URL: z.url({ error: "must be the public URL of Gloss, e.g. https://gloss.example" }).optional(),
    /** The port this instance serves on (`npm start` sets it): where it asks itself to revalidate pages. */
    PORT: z.string().optional(),
    /** Behind a reverse proxy that appends the client address to X-Forwarded-For (lib/auth/client-address.ts). */
    GLOSS_TRUST_PROXY: flag,
    /** 1: article imports may fetch from loopback and private addresses (local use, tests). */
    GLOSS_FETCH_ALLOW_PRIVATE: flag,
    /** Sign-ups allowed per client address an hour (`npm test` raises it: all its readers sign up from 127.0.0.1). */
    GLOSS_SIGN_UPS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).optional(),
    /** Live-update streams one instance keeps open at most; more are answered 503 with a retry delay. */
    GLOSS_MAX_STREAMS: z.coerce.number().int().min(1).max(100_000).optional(),
    /** Set by `npm run bench`'s server only: turns on the benchmark's yardstick routes. */
    GLOSS_BENCH: flag,
  })
  .superRefine((env, context) => {
    // Signs and encrypts session cookies; only unit tests run without one.
    if (env.NEXTAUTH_SECRET === undefined && env.NODE_ENV !== "test") {
      context.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "must be set (e.g. `openssl rand -base64 32`); changing it signs every reader out" });
    }
  });

export type ServerEnv = z.output<typeof serverEnvSchema>;
export type DatabaseEnv = z.output<typeof databaseEnvSchema>;

function validated<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Gloss cannot start; fix these environment variables:\n${lines.join("\n")}`);
}

export function validateServerEnv(env: Record<string, string | undefined>): ServerEnv {
  return validated(serverEnvSchema, env);
}

export function validateDatabaseEnv(env: Record<string, string | undefined>): DatabaseEnv {
  return validated(databaseEnvSchema, env);
}

let server: ServerEnv | undefined;
let database: DatabaseEnv | undefined;

/** The validated environment; throws (naming every wrong variable) on first use if it is not valid. */
export function serverEnv(): ServerEnv {
  server ??= validateServerEnv(process.env);
  return server;
}

/** Just the database's part of it, for the Prisma client: what `npm run db:seed` and other scripts provide. */
export function databaseEnv(): DatabaseEnv {
  database ??= server ?? validateDatabaseEnv(process.env);
  return database;
}

/** Read without validation, so it is safe at import time (Next inlines NODE_ENV). */
export const isProduction = process.env.NODE_ENV === "production";
export const isDevelopment = process.env.NODE_ENV === "development";
