/**
 * Where a passage with no position (an imported annotation, a quote looked
 * up on its own) stood, told by its context: a side of its stored context
 * that stands, nearly intact, in one place of the whole text and no other
 * marks where the passage begins (the prefix's end) or ends (the suffix's
 * start). That is as good a hint as an old position, better than a stale
 * one, and lets the hint's rules (a passage cut or overwritten where it
 * stood, the seam a deletion left there) judge what is there now.
 */

import { maxErrorsFor, type RawMatch } from "./approx-search";
import { evaluate, toMatch } from "./candidates";
import { findCopies } from "./copies";
import { elsewhere } from "./elsewhere";
import { seamWithin } from "./frame";
import { SEAM_SLACK } from "./cut-passage";
import { compile, prefixDistances } from "./myers";
import { prefixErrors, suffixErrors } from "./similarity";
import { toNormOffset, type NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { textIndex } from "./text-index";
import type { AnchorMatch } from "./types";

/** Sides shorter than this occur once by chance too easily. */
const MIN_SIDE = 16;
/** Edits a side may have taken and still mark the place... */
const INTACT_SIDE_ERROR_RATE = 0.1;
/** ...and a copy with this many anywhere else makes it no landmark. */
const COPY_ERROR_RATE = 0.25;

/** Where `side` stands nearly intact, if it stands in exactly one place even with COPY_ERROR_RATE of it edited. */
function soleSide(norm: NormalizedText, side: string): RawMatch | null {
  if (side.length < MIN_SIDE) return null;
  const copies = findCopies(textIndex(norm), side, Math.floor(side.length * COPY_ERROR_RATE));
  const only = copies.length === 1 ? (copies[0] as RawMatch) : null;
  return only && only.errors <= Math.floor(side.length * INTACT_SIDE_ERROR_RATE) ? only : null;
}

export interface ContextHint {
  /** Where the quote is expected to start (a normalized offset). */
  start: number;
  /** The edge of the side that stands once: the quote reads forwards from it (the prefix's end), or backwards (the suffix's start). */
  edge: number;
  forward: boolean;
}

/**
 * Where the quote is expected from a side of its context found in one place
 * only, or undefined. When both sides are, they must agree: the suffix
 * starting after the prefix, about a quote's length later (at most twice
 * it); otherwise nothing is told.
 */
export function contextHint(norm: NormalizedText, pq: PreparedQuote): ContextHint | undefined {
  const prefix = soleSide(norm, pq.nPrefix);
  const suffix = soleSide(norm, pq.nSuffix);
  const length = pq.nExact.length;
  if (prefix && suffix) {
    const gap = suffix.start - prefix.end;
    return gap >= 0 && gap <= 2 * length ? { start: prefix.end, edge: prefix.end, forward: true } : undefined;
  }
  if (prefix) return { start: prefix.end, edge: prefix.end, forward: true };
  if (suffix) return { start: Math.max(0, suffix.start - length), edge: suffix.start, forward: false };
  return undefined;
}

/** How far from where the part's length puts it the side's edge is looked for, for edits in the part. */
const EDGE_SLACK = 3;

/**
 * Where the quote is expected from a side of its context read together with
 * the `part` characters of the quote next to it (its head after the prefix,
 * its tail before the suffix), when that longer stretch stands nearly
 * intact in one place of the whole text and nowhere else even with a
 * quarter of it edited: a side edited too much to stand on its own, or one
 * that repeated boilerplate shares, is still this passage's side when the
 * words of the quote beside it are the passage's. When both stretches stand
 * once they must agree, as in contextHint.
 */
export function partHint(norm: NormalizedText, pq: PreparedQuote, part: number): ContextHint | undefined {
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  if (part > quote.length) return undefined;
  const text = norm.text;
  const head = prefix.length >= MIN_SIDE ? soleSide(norm, prefix + quote.slice(0, part)) : null;
  const tail = suffix.length >= MIN_SIDE ? soleSide(norm, quote.slice(quote.length - part) + suffix) : null;
  // The side's edge inside the stretch: where that side reads with the fewest edits, near where the part's length puts it.
  const edge = (guess: number, errorsAt: (at: number) => number): number => {
    let best = guess;
    for (let at = Math.max(0, guess - EDGE_SLACK); at <= Math.min(text.length, guess + EDGE_SLACK); at++) if (errorsAt(at) < errorsAt(best)) best = at;
    return best;
  };
  const headEdge = head && edge(head.end - part, (at) => prefixErrors(text, at, prefix));
  const tailEdge = tail && edge(tail.start + part, (at) => suffixErrors(text, at, suffix));
  if (headEdge !== null && tailEdge !== null) {
    const gap = tailEdge - headEdge;
    return gap >= 0 && gap <= 2 * quote.length ? { start: headEdge, edge: headEdge, forward: true } : undefined;
  }
  if (headEdge !== null) return { start: headEdge, edge: headEdge, forward: true };
  if (tailEdge !== null) return { start: Math.max(0, tailEdge - quote.length), edge: tailEdge, forward: false };
  return undefined;
}

/**
 * The quote read right beside the side of context that stands once, with
 * up to a quarter of it edited (maxErrorsFor), whatever became of the other
 * side: the passage where its one surviving side puts it. Refused when the
 * passage's two sides meet there (it was deleted, and what follows is other
 * words) or another place reads about as well, quote and context together.
 */
export function readingBeside(norm: NormalizedText, pq: PreparedQuote, hint: ContextHint): AnchorMatch | null {
  const text = norm.text;
  const quote = pq.nExact;
  const budget = maxErrorsFor(quote.length);
  const reach = Math.min(quote.length + budget, hint.forward ? text.length - hint.edge : hint.edge);
  const distances = prefixDistances(compile(quote, !hint.forward), text, hint.edge, reach, hint.forward ? 1 : -1, false);
  let length = 0;
  for (let n = 1; n <= reach; n++) if ((distances[n] as number) < (distances[length] as number)) length = n;
  const errors = distances[length] as number;
  if (length === 0 || errors > budget || seamWithin(text, pq, hint.edge, SEAM_SLACK)) return null;
  const raw = hint.forward ? { start: hint.edge, end: hint.edge + length, errors } : { start: hint.edge - length, end: hint.edge, errors };
  const candidate = evaluate(text, pq, raw, undefined);
  return elsewhere(norm, pq, candidate, 0, text.length) ? null : toMatch(norm, pq, candidate);
}

/** A match this much shorter than the quote is what is left of a passage cut (cut-passage.ts). */
const CUT_SHARE = 0.75;
/** Edits tolerated in the other half and its side of context. */
const HALF_ERROR_RATE = 0.1;

/**
 * Whether `match`, what is left of a cut passage (its head after the
 * prefix, or its tail before the suffix), has the other half of the quote,
 * next to its own side of context, standing somewhere else: the passage
 * lost its other half there instead, and `match` is a copy of its words
 * found from where one side of its context stands.
 */
export function otherHalfElsewhere(norm: NormalizedText, pq: PreparedQuote, match: AnchorMatch): boolean {
  const quote = pq.nExact;
  const start = toNormOffset(norm, match.start);
  const end = toNormOffset(norm, match.end);
  if (end - start >= CUT_SHARE * quote.length) return false;
  const half = Math.ceil(quote.length / 2);
  const isHead = norm.text.startsWith(quote.slice(0, Math.min(half, end - start)), start);
  const other = isHead ? quote.slice(quote.length - half) + pq.nSuffix : pq.nPrefix + quote.slice(0, half);
  const found = findCopies(textIndex(norm), other, Math.floor(other.length * HALF_ERROR_RATE));
  return found.some((m) => m.end <= start || m.start >= end);
}
