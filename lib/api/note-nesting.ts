/** How long a note (or a reply) may be. */
export const NOTE_MAX_LENGTH = 10_000;

/**
 * How deeply a note's Markdown nests, estimated in one linear pass without
 * parsing it. Parsing and rendering Markdown cost grows faster than linearly
 * with nesting (a note of 5,000 nested list markers took a server 76 s and
 * then overflowed the stack), so notes are bounded by it when saved
 * (lib/validation) and checked again before rendering whatever is stored.
 *
 * The estimate:
 * - block containers, per line (never less than CommonMark nests): each
 *   block-quote `>` and each list marker at the start of the line, plus one
 *   level per two columns of indentation before the first of them (a nested
 *   list item needs at least two);
 * - inline, per paragraph: open `[` brackets, and emphasis runs (`*`, `_`,
 *   `~`) that can open but not close, less those that can only close.
 * Rendering also has an error boundary behind it (note-error-boundary.tsx).
 * Ordinary notes stay far below the limit; only contrived nesting reaches it.
 */
export const NOTE_MAX_NESTING = 16;

const TAB_WIDTH = 4;

function blockDepthOfLine(line: string): number {
  let index = 0;
  let leadingColumns = 0;
  let markers = 0;
  while (index < line.length) {
    const char = line[index];
    if (char === " " || char === "\t") {
      if (markers === 0) leadingColumns += char === "\t" ? TAB_WIDTH : 1;
      index += 1;
    } else if (char === ">") {
      markers += 1;
      index += 1;
    } else if ((char === "-" || char === "*" || char === "+") && isMarkerEnd(line, index + 1)) {
      markers += 1;
      index += 1;
    } else {
      const ordered = /^\d{1,9}[.)]/.exec(line.slice(index, index + 11));
      if (!ordered || !isMarkerEnd(line, index + ordered[0].length)) break;
      markers += 1;
      index += ordered[0].length;
    }
  }
  return markers + Math.floor(leadingColumns / 2);
}

function isMarkerEnd(line: string, index: number): boolean {
  return index >= line.length || line[index] === " " || line[index] === "\t";
}

const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);
const isPunctuation = (char: string | undefined) => char !== undefined && /[\p{P}\p{S}]/u.test(char);

function inlineDepthOfParagraph(paragraph: string): number {
  let depth = 0;
  let max = 0;
  let index = 0;
  while (index < paragraph.length) {
    const char = paragraph[index]!;
    if (char === "\\") {
      index += 2;
      continue;
    }
    if (char === "[") depth += 1;
    else if (char === "]") depth = Math.max(0, depth - 1);
    else if (char === "*" || char === "_" || char === "~") {
      let end = index;
      while (paragraph[end] === char) end += 1;
      // CommonMark's left- and right-flanking runs: those that can open, and those that can close.
      const before = paragraph[index - 1];
      const after = paragraph[end];
      const opens = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const closes = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      if (opens && !closes) depth += 1;
      else if (closes && !opens) depth = Math.max(0, depth - 1);
      index = end;
      max = Math.max(max, depth);
      continue;
    }
    max = Math.max(max, depth);
    index += 1;
  }
  return max;
}

/** An upper bound of the nesting depth of `markdown`, in time linear in its length. */
export function markdownNestingDepth(markdown: string): number {
  let max = 0;
  for (const line of markdown.split("\n")) max = Math.max(max, blockDepthOfLine(line));
  for (const paragraph of markdown.split(/\n[ \t]*\n/)) max = Math.max(max, inlineDepthOfParagraph(paragraph));
  return max;
}

/** Whether a stored note may be rendered as Markdown; otherwise it is shown as plain text. */
export function isRenderableNote(markdown: string): boolean {
  return markdown.length <= NOTE_MAX_LENGTH && markdownNestingDepth(markdown) <= NOTE_MAX_NESTING;
}
