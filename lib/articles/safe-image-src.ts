/** The normalised URL if it is absolute http(s), else null: images never load from data:, javascript: or file: URLs. */
export function safeImageSrc(url: string, base?: string): string | null {
  try {
    const parsed = new URL(url.trim(), base);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
