/**
 * The one error type the seed parsers throw. Seeds are edited by hand, so the
 * message must point at the place to fix: `seeds/foo.md:3: detail`, or
 * `seeds/foo.md: detail` when no single line is to blame (an empty file, a
 * bad file name, a body without paragraphs).
 */
export class SeedParseError extends Error {
  readonly fileName: string;
  readonly line: number | null;
  readonly detail: string;

  constructor(fileName: string, line: number | null, detail: string) {
    super(line === null ? `${fileName}: ${detail}` : `${fileName}:${line}: ${detail}`);
    this.name = "SeedParseError";
    this.fileName = fileName;
    this.line = line;
    this.detail = detail;
  }
}

/** What a format parser needs to know about the file it is parsing. */
export interface SeedSource {
  /** As given by the caller (e.g. `seeds/foo.md`); used only in messages. */
  fileName: string;
  /** Already validated by `parseSeedFile`. */
  slug: string;
}
