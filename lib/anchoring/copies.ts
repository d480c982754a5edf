/**
 * Where a pattern occurs with few edits anywhere in a text, found through
 * the text index rather than by scanning the text.
 *
 * Pigeonhole: cut the pattern into k + 1 pieces; an occurrence with at most
 * k edits leaves one of them intact, so every occurrence lies next to an
 * exact occurrence of some piece. Only those neighbourhoods are searched.
 * A piece is PIECE characters, taken where it is rarest within its share of
 * the pattern; with one piece per 16 characters, copies with up to 6 % of
 * the pattern edited are all found, and more edited ones (edits come in
 * words, which leave most pieces intact) as a rule.
 */

import { searchApprox, type RawMatch } from "./approx-search";
import { PIECE, occurrencesOf, rarestPiece, type TextIndex } from "./text-index";

/** Pattern characters per piece at least: a piece is chosen among the 8-grams of its segment. */
const SEGMENT = 16;

/**
 * Calls `visit` with each occurrence of `pattern` with at most `maxErrors`
 * edits starting within [from, to) of the indexed text, other than one
 * starting near `skip`, until it returns true (then so does this). Every
 * occurrence with fewer edits than the pattern has SEGMENT-long stretches is
 * visited; one with more, if it kept a piece intact (edits come in words,
 * so most do). Patterns shorter than a piece are scanned for instead.
 */
export function someCopy(index: TextIndex, pattern: string, maxErrors: number, from: number, to: number, skip: number, visit: (copy: RawMatch) => boolean): boolean {
  const length = pattern.length;
  const text = index.text;
  if (length < PIECE) return searchApprox(text, pattern, from, Math.min(text.length, to) + length, Math.max(0, maxErrors)).some(visit);
  // Enough pieces for the budget, but no more than one per SEGMENT: room to
  // choose each piece where it is rare.
  const pieces = Math.max(1, Math.min(maxErrors + 1, Math.floor(length / PIECE), Math.ceil(length / SEGMENT)));
  const starts: number[] = [];
  for (let i = 0; i < pieces; i++) {
    // Each piece is taken, within its share of the pattern, where it is
    // rarest in the text: a common one ("of the ") would send the
    // verification everywhere.
    const segmentFrom = Math.floor((i * length) / pieces);
    const segmentTo = Math.floor(((i + 1) * length) / pieces);
    const at = rarestPiece(index, pattern, segmentFrom, segmentTo);
    for (const pos of occurrencesOf(index, pattern, at, PIECE, Infinity, Math.max(0, from + at - maxErrors), to + at + maxErrors)) starts.push(pos - at);
  }
  starts.sort((a, b) => a - b);
  let reported = -1;
  let i = 0;
  while (i < starts.length) {
    // Occurrences a few edits apart are one neighbourhood, searched once.
    let j = i;
    while (j + 1 < starts.length && (starts[j + 1] as number) - (starts[j] as number) <= 2 * maxErrors + 1) j++;
    const first = starts[i] as number;
    const last = starts[j] as number;
    i = j + 1;
    if (Math.abs(first - skip) <= maxErrors && Math.abs(last - skip) <= maxErrors) continue;
    const lo = Math.max(from, first - maxErrors);
    const hi = Math.min(to + length + maxErrors, last + length + maxErrors);
    for (const m of searchApprox(text, pattern, lo, hi, maxErrors)) {
      // Neighbourhoods can overlap; an occurrence is reported once.
      if (m.start < reported) continue;
      reported = m.end;
      if (visit(m)) return true;
    }
  }
  return false;
}

/** All of `someCopy`'s occurrences. */
export function findCopies(index: TextIndex, pattern: string, maxErrors: number, from = 0, to = Infinity, skip = -Infinity): RawMatch[] {
  const out: RawMatch[] = [];
  someCopy(index, pattern, maxErrors, from, to, skip, (m) => {
    out.push(m);
    return false;
  });
  return out;
}
