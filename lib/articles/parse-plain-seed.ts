import type { Block, ParsedArticle } from "./article-model";
import { DEFAULT_LANGUAGE, canonicalLanguageTag, directionForLanguage } from "./language";
import { normalizeWhitespace } from "./normalize-whitespace";
import { matchBoilerplate } from "./seed-boilerplate";
import { SeedParseError, type SeedSource } from "./seed-parse-error";

/**
 * The `.txt` seed format, as delivered by news feeds:
 *
 *   Title on the first non-blank line
 *   One paragraph per line (blank lines are ignored)
 *   …
 *   AGENCY/AGENCY     ← optional credit line
 *   agency            ← optional source tag
 *
 * The trailing lines are recognised by shape, never by content, and
 * newsletter/subscription boilerplate is removed by the rules in
 * `seed-boilerplate.ts`. The format carries no date, byline or language.
 */

/** Longer than this, the first line is a paragraph and the title is missing. */
const MAX_TITLE_LENGTH = 200;

/** A lone short lowercase token, e.g. `rnd`, `dpa`, `reuters`. */
const SOURCE_TAG = /^[a-z][a-z0-9]{1,11}$/;

/**
 * Agency credits: two or more agency tokens joined by slashes (`RND/AP`,
 * `dpa/Reuters`), or one all-caps acronym (`AP`, `AFP`). A single
 * capitalised word is not enough: it could be a one-word closing paragraph.
 */
const AGENCY_CREDIT = /^(?:[A-Za-z][\w&.'-]*(?:\s*\/\s*[A-Za-z][\w&.'-]*)+|[A-Z]{2,6})$/;

/** A personal credit, `By Jane Doe` or `By Jane Doe and J. Smith, AP`. */
const PERSON_CREDIT = /^By\s+\S.{0,58}$/;
const MAX_PERSON_CREDIT_WORDS = 9;

/** Sentence punctuation at the end marks a line as prose, not a credit. */
const ENDS_LIKE_SENTENCE = /[.!?:;…"”»]$/;

interface Line {
  number: number;
  text: string;
}

export interface PlainSeedOptions {
  /** BCP 47 tag; the format cannot say, so the caller may. Default "en". */
  language?: string;
}

export function parsePlainSeed(
  contents: string,
  source: SeedSource,
  options: PlainSeedOptions = {},
): ParsedArticle {
  const lines: Line[] = contents
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, text: normalizeWhitespace(raw) }))
    .filter((line) => line.text !== "");

  const [titleLine, ...body] = lines;
  if (titleLine === undefined) throw new SeedParseError(source.fileName, null, "file is empty");
  if (titleLine.text.length > MAX_TITLE_LENGTH) {
    throw new SeedParseError(
      source.fileName,
      titleLine.number,
      `first line is ${titleLine.text.length} characters long; a .txt seed starts with its title on a line of its own`,
    );
  }

  // Peel the trailing lines off the end, source tag first (it is last).
  let sourceTag: string | null = null;
  const lastLine = body[body.length - 1];
  if (lastLine !== undefined && SOURCE_TAG.test(lastLine.text)) {
    sourceTag = lastLine.text;
    body.pop();
  }
  let credit: string | null = null;
  const creditLine = body[body.length - 1];
  if (creditLine !== undefined && isCreditLine(creditLine.text)) {
    credit = creditLine.text;
    body.pop();
  }

  const blocks: Block[] = body
    .filter((line) => matchBoilerplate(line.text) === null)
    .map((line) => ({ type: "paragraph", content: [{ type: "text", text: line.text }] }));
  if (blocks.length === 0) {
    throw new SeedParseError(source.fileName, null, "no body paragraphs after the title");
  }

  const language = canonicalLanguageTag(options.language ?? DEFAULT_LANGUAGE);
  if (language === null) {
    throw new SeedParseError(source.fileName, null, `"${options.language}" is not a BCP 47 language tag`);
  }

  return {
    slug: source.slug,
    title: titleLine.text,
    byline: null,
    credit,
    source: sourceTag === null ? null : sourceName(sourceTag, credit),
    language,
    direction: directionForLanguage(language),
    publishedAt: null,
    blocks,
  };
}

export function isCreditLine(text: string): boolean {
  if (ENDS_LIKE_SENTENCE.test(text)) return false;
  if (AGENCY_CREDIT.test(text)) return true;
  return PERSON_CREDIT.test(text) && text.split(" ").length <= MAX_PERSON_CREDIT_WORDS;
}

/**
 * Display name for a lowercase source tag. The credit line usually spells the
 * same agency properly (`rnd` + `RND/AP` → `RND`), so it wins; otherwise a
 * short tag is taken to be an acronym (`afp` → `AFP`) and a longer one a
 * name (`reuters` → `Reuters`).
 */
export function sourceName(tag: string, credit: string | null): string {
  const fromCredit = credit
    ?.split(/[\s/,]+/)
    .find((token) => token.toLowerCase() === tag.toLowerCase());
  if (fromCredit !== undefined) return fromCredit;
  return tag.length <= 4 ? tag.toUpperCase() : tag.charAt(0).toUpperCase() + tag.slice(1);
}
