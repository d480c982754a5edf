/**
 * The words of a notebook search, shared by the server (which turns them into
 * a PostgreSQL prefix query) and the notebook page (which marks them). Pure:
 * no imports, runs in the browser too.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MAX_TERMS = 8;

/** The words of a query, as written (letters, digits and combining marks; everything else separates). */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return [...new Set(query.normalize("NFC").match(WORD) ?? [])].slice(0, MAX_TERMS);
}

/**
 * A `to_tsquery` text matching every term as a word prefix (`'caf':* & 'note':*`).
 * Terms hold only letters, digits and marks, so quoting them is all the
 * escaping needed; the `gloss_search` configuration then lower-cases them and
 * strips accents as it did for the indexed text.
 */
export function toPrefixTsQuery(terms: string[]): string {
  return terms.map((term) => `'${term}':*`).join(" & ");
}

/** Case and accent folded, as the search compares words (é = e, İ = i). */
export function foldForMatch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export interface MarkedPiece {
  text: string;
  marked: boolean;
}

/** `text` cut into pieces, marking each word that starts with one of the terms (as the search matched it). */
export function markSearchTerms(text: string, terms: string[]): MarkedPiece[] {
  const folded = terms.map(foldForMatch).filter((term) => term !== "");
  if (folded.length === 0) return [{ text, marked: false }];
  const pieces: MarkedPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = foldForMatch(match[0]);
    if (!folded.some((term) => word.startsWith(term))) continue;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), marked: false });
    pieces.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), marked: false });
  return pieces;
}
