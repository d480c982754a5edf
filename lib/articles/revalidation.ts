import { createHmac, timingSafeEqual } from "node:crypto";
import { routes } from "@/lib/routes";

/**
 * Article pages are static and cached until their article changes. The
 * process that reseeds (scripts/start.ts) tells the running server which
 * articles changed; it proves it may by a token derived from NEXTAUTH_SECRET,
 * which both processes share and nobody else knows.
 */
export function revalidationToken(secret: string): string {
  return createHmac("sha256", secret).update("gloss:revalidate-articles").digest("base64url");
}

export function isValidRevalidationToken(candidate: string | null, secret: string | undefined): boolean {
  if (!candidate || !secret) return false;
  const expected = Buffer.from(revalidationToken(secret));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function articlePaths(slugs: string[]): string[] {
  return [routes.home, ...slugs.map(routes.article)];
}
