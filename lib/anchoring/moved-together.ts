/**
 * Neighbouring passages a move shifted together within their stretch.
 *
 * When a move takes text from one side of some annotated passages to the
 * other, within one pair of landmarks, the passages keep their words and
 * their order but no longer the shift of either landmark: anchorAll's
 * detour check refuses them, and in repeated boilerplate (lists of credits,
 * licences) every look-alike check finds a sibling sentence that reads
 * about as well. One passage alone there says nothing more. Two neighbours
 * (their stored frames stood within TOGETHER_REACH of each other in the
 * old text) that each stand word for word with their context in exactly one
 * place of the text, between their landmarks, at the same shift, are the
 * stretch itself, moved as a whole: a look-alike sentence stands next to
 * the other passage's look-alike at the same distance only by chance.
 *
 * Unless what the pair left behind says otherwise: both sides of each
 * passage's context, nearly intact, closing around other words (or the
 * passage edited) at one and the same other offset for both passages, is
 * the stretch where they were, their words rewritten, and the verbatim pair
 * another copy of it between the same landmarks (repeated boilerplate). A
 * seam (the passage's context meeting) says it was deleted.
 */

import { searchApprox, type RawMatch } from "./approx-search";
import { toMatch } from "./candidates";
import { seamAnywhere } from "./frame";
import type { NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { textIndex } from "./text-index";
import type { AnchorMatch } from "./types";
import { verbatimPlace } from "./verbatim";

/** Annotations whose stored frames stood this close in the old text are neighbours that move together. */
const TOGETHER_REACH = 128;
/** How far two shifts (or two traces' offsets) may differ and still be one. */
const SAME_SHIFT = 8;
/** Both sides of context at least this long must stand around a passage for its frame to vouch for it. */
const MIN_SIDE = 16;
/** Edits a side of context left behind may have: nearly intact. */
const SIDE_TRACE_RATE = 0.1;

/** Where a passage was in the old text and where its landmarks put it now (normalized offsets). */
export interface OldSpan {
  start: number;
  end: number;
  lo: number;
  hi: number;
}

interface Verbatim {
  index: number;
  /** The stored frame's extent in the old text. */
  from: number;
  to: number;
  span: OldSpan;
  shift: number;
  match: AnchorMatch;
  /** Offsets from the verbatim place at which the passage's context stands around other words (see `contextLeftAt`). */
  traces: number[];
}

/**
 * Offsets (normalized, from `place`) at which both sides of the passage's
 * context, nearly intact, close around other words of about the quote's
 * length within [lo, hi): where the passage stood before its words were
 * rewritten or edited.
 */
function contextLeftAt(norm: NormalizedText, pq: PreparedQuote, place: RawMatch, lo: number, hi: number): number[] {
  const text = norm.text;
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  const offsets: number[] = [];
  const gap = SAME_SHIFT + (quote.length >> 2);
  for (const p of searchApprox(text, prefix, lo - prefix.length, hi, Math.floor(prefix.length * SIDE_TRACE_RATE))) {
    const offset = p.end - place.start;
    if (Math.abs(offset) <= SAME_SHIFT) continue;
    const from = place.end + offset - gap;
    if (searchApprox(text, suffix, from, from + 2 * gap + suffix.length, Math.floor(suffix.length * SIDE_TRACE_RATE)).length > 0) offsets.push(offset);
  }
  return offsets;
}

/** The passage word for word with its context in one place of the text, between its landmarks, with no seam of it anywhere. */
function verbatimBetween(norm: NormalizedText, pq: PreparedQuote, index: number, span: OldSpan): Verbatim | null {
  if (pq.nPrefix.length < MIN_SIDE || pq.nSuffix.length < MIN_SIDE) return null;
  const found = verbatimPlace(norm, pq, undefined);
  if (!found || found.contextErrors > 0 || found.start < span.lo || found.end > span.hi) return null;
  if (seamAnywhere(textIndex(norm), pq, 0, norm.text.length)) return null;
  const match = toMatch(norm, pq, found);
  if (!match) return null;
  return {
    index,
    from: span.start - pq.prefix.length,
    to: span.end + pq.suffix.length,
    span,
    shift: match.start - span.start,
    match,
    traces: contextLeftAt(norm, pq, found, span.lo, span.hi),
  };
}

/** Whether both passages' context stands at one other offset: the stretch they stood in, their words rewritten. */
function tracedTogether(a: Verbatim, b: Verbatim): boolean {
  return a.traces.some((x) => b.traces.some((y) => Math.abs(x - y) <= SAME_SHIFT));
}

/**
 * Places the orphans (`results[i]` null, `spans[i]` given) that stand word
 * for word between their landmarks at one shift with a neighbour that does
 * the same. Mutates `results`.
 */
export function placeMovedTogether(norm: NormalizedText, prepared: readonly (PreparedQuote | null)[], spans: readonly (OldSpan | null)[], results: (AnchorMatch | null)[]): void {
  const found: Verbatim[] = [];
  prepared.forEach((pq, i) => {
    const span = spans[i];
    const verbatim = pq && span && !results[i] ? verbatimBetween(norm, pq, i, span) : null;
    if (verbatim) found.push(verbatim);
  });
  found.sort((a, b) => a.span.start - b.span.start);
  const together = new Set<Verbatim>();
  found.forEach((a, k) => {
    for (const b of found.slice(k + 1)) {
      if (b.from - a.to > TOGETHER_REACH) continue;
      // Overlapping passages are one piece of evidence, not two.
      if (b.span.start < a.span.end || Math.abs(b.shift - a.shift) > SAME_SHIFT || tracedTogether(a, b)) continue;
      together.add(a);
      together.add(b);
    }
  });
  for (const v of together) results[v.index] = v.match;
}
