const SAFE_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The normalised URL if it is absolute http(s) or mailto, else null. Shared by
 * the Markdown seed parser and the block schema the reader page checks stored
 * articles with (which must not pull the Markdown parser into the page).
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return SAFE_LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null; // relative or malformed: there is no base URL to resolve against
  }
}
