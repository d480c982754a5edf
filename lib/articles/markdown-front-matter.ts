import { LineCounter, isMap, isScalar, parseDocument, type Node as YamlNode } from "yaml";
import type { ArticleDirection } from "./article-model";
import { DEFAULT_LANGUAGE, canonicalLanguageTag, directionForLanguage } from "./language";
import { normalizeWhitespace } from "./normalize-whitespace";
import { SeedParseError } from "./seed-parse-error";

/**
 * The YAML front matter of a `.md` seed:
 *
 *   title: required, plain text
 *   byline, source, credit: optional plain text (empty = absent)
 *   date: optional ISO 8601 date (`2025-09-14`) or date-time with an offset
 *   language: optional BCP 47 tag, default "en"
 *   direction: optional "ltr" | "rtl", default derived from the language
 *
 * It is parsed with YAML's *failsafe* schema, in which every scalar is a
 * string: `title: 1984` stays "1984" and `date: 2025-09-14` is not turned
 * into a timestamp behind our back; each field is validated here instead.
 * Unknown keys are rejected so a typo (`autor:`) cannot silently drop data.
 */

export interface FrontMatter {
  title: string;
  byline: string | null;
  source: string | null;
  credit: string | null;
  publishedAt: Date | null;
  language: string;
  direction: ArticleDirection;
}

const KNOWN_KEYS = ["title", "byline", "source", "credit", "date", "language", "direction"] as const;
type Key = (typeof KNOWN_KEYS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * @param yamlText the text between the `---` fences
 * @param fenceLine the file line of the opening `---`, so that YAML line 1
 *   is reported as file line `fenceLine + 1`
 */
export function parseFrontMatter(yamlText: string, fenceLine: number, fileName: string): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: "failsafe", lineCounter, uniqueKeys: true });
  const fileLine = (offset: number): number => fenceLine + lineCounter.linePos(offset).line;
  function fail(line: number, detail: string): never {
    throw new SeedParseError(fileName, line, detail);
  }

  const [firstError] = doc.errors;
  if (firstError !== undefined) {
    const message = firstError.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    const line = firstError.linePos ? fenceLine + firstError.linePos[0].line : fenceLine;
    fail(line, `front matter is not valid YAML: ${message}`);
  }
  if (doc.contents === null) fail(fenceLine, 'front matter is empty; it needs at least a "title"');
  if (!isMap(doc.contents)) {
    fail(fenceLine + 1, 'front matter must be a YAML mapping of keys to values ("title: …")');
  }
  const items = doc.contents.items;

  const values = new Map<Key, { text: string; line: number }>();
  for (const pair of items) {
    const keyNode = pair.key as YamlNode | null;
    const line = fileLine(keyNode?.range?.[0] ?? 0);
    const key = isScalar(keyNode) ? String(keyNode.value) : null;
    if (key === null || !isKnownKey(key)) {
      fail(line, `unknown front matter key ${JSON.stringify(key)} (allowed: ${KNOWN_KEYS.join(", ")})`);
    }
    const valueNode = pair.value as YamlNode | null;
    if (valueNode !== null && !isScalar(valueNode)) fail(line, `front matter "${key}" must be plain text`);
    const text = isScalar(valueNode) ? normalizeWhitespace(String(valueNode.value)) : "";
    if (text !== "") values.set(key, { text, line });
  }

  const title = values.get("title");
  if (title === undefined) fail(fenceLine, 'front matter has no "title"');

  const date = values.get("date");
  const publishedAt = date === undefined ? null : parseIsoDate(date.text);
  if (date !== undefined && publishedAt === null) {
    fail(date.line, `front matter "date" is not a valid date (expected e.g. 2025-09-14): "${date.text}"`);
  }

  const languageEntry = values.get("language");
  const language = canonicalLanguageTag(languageEntry?.text ?? DEFAULT_LANGUAGE);
  if (language === null) {
    const line = languageEntry?.line ?? fenceLine;
    fail(line, `front matter "language" is not a BCP 47 language tag: "${languageEntry?.text}"`);
  }

  const directionEntry = values.get("direction");
  let direction = directionForLanguage(language);
  if (directionEntry !== undefined) {
    if (directionEntry.text !== "ltr" && directionEntry.text !== "rtl") {
      fail(directionEntry.line, `front matter "direction" must be "ltr" or "rtl", not "${directionEntry.text}"`);
    }
    direction = directionEntry.text === "rtl" ? "rtl" : "ltr";
  }

  return {
    title: title.text,
    byline: values.get("byline")?.text ?? null,
    source: values.get("source")?.text ?? null,
    credit: values.get("credit")?.text ?? null,
    publishedAt,
    language,
    direction,
  };
}

function isKnownKey(key: string): key is Key {
  return (KNOWN_KEYS as readonly string[]).includes(key);
}

/**
 * A calendar date (midnight UTC) or a date-time with an explicit offset.
 * Checked field by field, because `Date` happily rolls 2025-02-30 over into
 * March.
 */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (
    calendarDay.getUTCFullYear() !== year ||
    calendarDay.getUTCMonth() !== month - 1 ||
    calendarDay.getUTCDate() !== day
  ) {
    return null;
  }
  return ISO_DATE.test(text) ? calendarDay : new Date(text);
}
