/**
 * BENCHMARKS.md is written by `npm run bench`, except sections other tools own
 * (`npm run soak`): those are replaced in place by their tool and carried over
 * by the bench.
 */
export const SOAK_HEADING = "## Soak: writes through database crashes and an app restart";

function sectionBounds(markdown: string, heading: string): [number, number] | null {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) return null;
  const next = markdown.indexOf("\n## ", start + heading.length);
  return [start, next < 0 ? markdown.length : next + 1];
}

/** The section under `heading` (heading included), or null. */
export function sectionOf(markdown: string, heading: string): string | null {
  const bounds = sectionBounds(markdown, heading);
  return bounds ? markdown.slice(bounds[0], bounds[1]).trimEnd() : null;
}

/** `markdown` with the section under `heading` replaced by `section` (or added at the end). */
export function withSection(markdown: string, heading: string, section: string): string {
  const bounds = sectionBounds(markdown, heading);
  if (!bounds) return `${markdown.trimEnd()}\n\n${section.trimEnd()}\n`;
  return `${markdown.slice(0, bounds[0])}${section.trimEnd()}\n${bounds[1] < markdown.length ? "\n" : ""}${markdown.slice(bounds[1])}`;
}
