import { createHash } from "node:crypto";

/**
 * The inline scripts of a rendered page (a `<script>` without `src`), as the
 * browser hashes them: the exact text between the tags. Next's HTML never
 * has `</script>` inside a script (React escapes it in the inlined data).
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * A Content-Security-Policy that allows the page's own inline scripts by
 * their sha256 hashes and other scripts only from our origin. Sent as a
 * second policy next to the constant one on pages served from the cache:
 * a browser enforces both, so no other inline script runs there.
 */
export function inlineScriptsPolicy(html: string): string {
  const hashes = new Set<string>();
  for (const [, text] of html.matchAll(INLINE_SCRIPT)) hashes.add(`'sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}'`);
  return `script-src 'self' ${[...hashes].join(" ")}`.trimEnd();
}
