/**
 * A rendered page written in ASCII only, when that is possible without
 * changing what a browser reads from it, and cheap in bytes.
 *
 * Why: a JavaScript string holding a single character beyond Latin-1 (a
 * typographic apostrophe, an ellipsis) is stored two bytes a character, and
 * Node encodes such a string to UTF-8 on every response and measures its
 * UTF-8 length on every response again (Next's Content-Length): for a cached
 * reader page of 26 kB with 16 such characters, ~50 µs of each request's
 * ~0.7 ms. An ASCII string is measured and copied almost for free
 * (BENCHMARKS.md, "Reader page throughput", session 9).
 *
 * How: outside scripts, a character beyond ASCII becomes a character
 * reference (`&#x2019;`), which the HTML parser turns back into the same
 * character, in text and attribute values alike. Inside Next's inline flight
 * data, `self.__next_f.push([1,"…"])`, the text between the quotes is a JSON
 * string, where `\u2019` is the same character again. Anywhere the parser
 * would not read a reference back (another script, a style sheet, a comment)
 * a character beyond ASCII leaves the page as it is; so does a page whose
 * text is mostly beyond ASCII (Arabic, Chinese), which references would make
 * several times larger.
 */

/** At most this much larger than the page as rendered; otherwise the page stays as it is. */
const MAX_GROWTH = 1.1;

/** The parts of a page where a character reference is not read as one: scripts, style sheets, comments. */
const VERBATIM_PART = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<!--[\s\S]*?-->/gi;

/** Next's inline flight data: one JSON string literal, pushed for the client's router. */
const FLIGHT_DATA_SCRIPT = /^self\.__next_f\.push\(\[1,"(?:[^"\\]|\\.)*"\]\)$/;

const NON_ASCII = /[^\x00-\x7f]/;
/** By code point, so that a character beyond the Basic Multilingual Plane becomes one reference. */
const NON_ASCII_CODE_POINTS = /[^\x00-\x7f]/gu;
/** By UTF-16 code unit, as JSON escapes them (a surrogate pair becomes two escapes). */
const NON_ASCII_CODE_UNITS = /[^\x00-\x7f]/g;

const characterReferences = (text: string) => text.replace(NON_ASCII_CODE_POINTS, (character) => `&#x${character.codePointAt(0)!.toString(16)};`);
const jsonEscapes = (text: string) => text.replace(NON_ASCII_CODE_UNITS, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** `html` itself when it is ASCII already or cannot be written so (see above); otherwise the same page in ASCII. */
export function asciiHtml(html: string): string {
  if (!NON_ASCII.test(html)) return html;
  let written = "";
  let end = 0;
  for (const part of html.matchAll(VERBATIM_PART)) {
    const [whole, element, attributes = "", content = ""] = part;
    written += characterReferences(html.slice(end, part.index));
    end = part.index + whole.length;
    if (!NON_ASCII.test(whole)) {
      written += whole;
      continue;
    }
    if (element?.toLowerCase() !== "script" || NON_ASCII.test(attributes) || !FLIGHT_DATA_SCRIPT.test(content)) return html;
    const contentStart = whole.indexOf(">") + 1;
    written += whole.slice(0, contentStart) + jsonEscapes(content) + whole.slice(contentStart + content.length);
  }
  written += characterReferences(html.slice(end));
  if (written.length > html.length * MAX_GROWTH) return html;
  // Pieces cut from a two-byte string stay two-byte strings, ASCII or not: copied into a new string, one byte a character.
  return Buffer.from(written, "latin1").toString("latin1");
}
