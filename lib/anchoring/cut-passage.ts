/**
 * What is left of a passage partly cut: a neighbour's deletion or rewrite
 * took its head or its tail, and at least half of its quote still stands
 * next to the side of its context on that half. The surviving stretch is
 * the match, wherever the evidence puts it: right at the hint
 * (`halfAtHint`), anywhere in the text without a hint (`halfAnywhere`), or
 * within the bounds of anchorAll's landmarks (`cutWithin`). A passage whose
 * inside was overwritten, both sides of its context intact around it, is
 * `rewrittenInside`.
 */

import { searchApprox, type RawMatch } from "./approx-search";
import { compile, prefixDistances } from "./myers";
import { evaluate, overlapRatio, toMatch } from "./candidates";
import { someCopy } from "./copies";
import { copyInOwnContext } from "./elsewhere";
import { contextElsewhere, seamAnywhere, seamWithin, sideErrors } from "./frame";
import type { NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { prefixErrors, suffixErrors, UNRELATED_SIDE } from "./similarity";
import { textIndex } from "./text-index";
import type { AnchorMatch } from "./types";
import { exactCopies } from "./verbatim";

/** Context sides shorter than this say too little on their own. */
export const MIN_PREFIX_AT_HINT = 16;

/** The share of a quote that must stand intact at the hint, next to its intact context, when the rest was overwritten. */
const INTACT_SHARE = 0.5;
const MIN_INTACT = 16;
/** How far from where a passage would start a seam (its prefix and suffix meeting) is looked for. */
export const SEAM_SLACK = 2;

/**
 * The passage partly overwritten where it stood (a neighbour's rewrite took
 * its head or its tail): at least half of the quote still stands word for
 * word right at the hint — starting on it, or ending a quote's length after
 * it — with the side of context next to that half nearly intact, or
 * rewritten too (the same rewrite took it) when that half stands nowhere
 * else word for word, or rewritten from its far end up to words next to the
 * half that stand (another rewrite reached into it) when that half stands
 * nowhere else even edited. The surviving stretch is the match. A deleted passage leaves its context
 * meeting there instead, and a rewritten one nothing intact.
 */
export function halfAtHint(norm: NormalizedText, pq: PreparedQuote, hint: number): AnchorMatch | null {
  const text = norm.text;
  const quote = pq.nExact;
  const needed = Math.max(MIN_INTACT, Math.ceil(quote.length * INTACT_SHARE));
  if (quote.length < needed || pq.nPrefix.length < MIN_PREFIX_AT_HINT || pq.nSuffix.length < MIN_PREFIX_AT_HINT) return null;
  const side = (length: number): number => Math.floor(length * 0.1);
  let head = 0;
  while (head < quote.length && text.charCodeAt(hint + head) === quote.charCodeAt(head)) head++;
  const survivor = (start: number, length: number): AnchorMatch | null => toMatch(norm, pq, evaluate(text, pq, { start, end: start + length, errors: quote.length - length }, hint));
  // Its prefix and suffix meeting at the hint is the passage deleted, and a look-alike's words after them.
  if (seamWithin(text, pq, hint, SEAM_SLACK)) return null;
  // The side next to the half nearly intact, or rewritten with the other half
  // (unrelated text) — then only the hint says the half is the passage's, and
  // words standing elsewhere too (boilerplate) may be any copy's. A side that
  // reads like the passage's but edited beyond what edits do is a
  // look-alike's, or the passage's other side with words repeated after it
  // (what a deletion leaves) — unless a rewrite reached into the side from
  // its far end: the side's stretch next to the half word for word, the rest
  // of it unrelated (a rewrite replaces a run of text; a look-alike's side
  // differs here and there). That says less than a side wholly rewritten, so
  // the half must then stand nowhere else even edited, and the passage's
  // other side not around it (the passage deleted, and its other side
  // repeating its words: what the "rest" then reads is the text before it).
  const sideFits = (errors: number, sideLength: number, rest: string, restErrors: number, start: number, length: number, otherSideAround: () => boolean): boolean => {
    if (errors <= side(sideLength)) return true;
    const half = text.slice(start, start + length);
    if (errors > sideLength * UNRELATED_SIDE) return exactCopies(textIndex(norm), half, 2).length === 1;
    if (restErrors <= rest.length * UNRELATED_SIDE || otherSideAround()) return false;
    const own = { start, end: start + length, errors: 0 };
    return !someCopy(textIndex(norm), half, Math.floor(length * CUT_ERROR_RATE), 0, text.length, start, (other) => overlapRatio(other, own) <= 0.5);
  };
  const { nPrefix: prefix, nSuffix: suffix } = pq;
  if (head >= needed) {
    let kept = 0;
    while (kept < prefix.length && hint - kept - 1 >= 0 && text.charCodeAt(hint - kept - 1) === prefix.charCodeAt(prefix.length - kept - 1)) kept++;
    const rest = prefix.slice(0, prefix.length - kept);
    const suffixAround = (): boolean => searchApprox(text, suffix, hint - prefix.length, hint + head, sideErrors(suffix.length)).length > 0;
    if (sideFits(prefixErrors(text, hint, prefix), prefix.length, rest, prefixErrors(text, hint - kept, rest), hint, head, suffixAround)) return survivor(hint, head);
  }
  const end = hint + quote.length;
  let tail = 0;
  while (tail < quote.length && end - tail - 1 >= 0 && text.charCodeAt(end - tail - 1) === quote.charCodeAt(quote.length - tail - 1)) tail++;
  if (tail >= needed) {
    let kept = 0;
    while (kept < suffix.length && text.charCodeAt(end + kept) === suffix.charCodeAt(kept)) kept++;
    const rest = suffix.slice(kept);
    const prefixAround = (): boolean => searchApprox(text, prefix, end - tail, end + suffix.length, sideErrors(prefix.length)).length > 0;
    if (sideFits(suffixErrors(text, end, suffix), suffix.length, rest, suffixErrors(text, end + kept, rest), end - tail, tail, prefixAround)) return survivor(end - tail, tail);
  }
  return null;
}

/**
 * Without a hint: the passage partly cut (a neighbour's deletion took its
 * head or its tail). At least half of its quote stands word for word right
 * after its prefix, or right before its suffix, that side word for word too,
 * in one place of the whole text; its context does not meet anywhere (what
 * deleting all of it leaves), nor does most of its quote read the same
 * anywhere else in context like its own, nor does a side of its context
 * stand elsewhere around what is left of it. The surviving stretch is the
 * match. With `restChecked` the caller has found the rest of the quote,
 * with its other side, where the passage was (a move split it): that side
 * standing there is then no objection.
 */
export function halfAnywhere(norm: NormalizedText, pq: PreparedQuote, restChecked = false): AnchorMatch | null {
  const text = norm.text;
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  const needed = Math.max(MIN_INTACT, Math.ceil(quote.length * INTACT_SHARE));
  if (quote.length < needed || prefix.length < MIN_PREFIX_AT_HINT || suffix.length < MIN_PREFIX_AT_HINT) return null;
  const index = textIndex(norm);
  const heads = exactCopies(index, prefix + quote.slice(0, needed), 2);
  const tails = exactCopies(index, quote.slice(quote.length - needed) + suffix, 2);
  if (heads.length + tails.length !== 1 || seamAnywhere(index, pq, 0, text.length)) return null;
  let start: number;
  let end: number;
  if (heads.length === 1) {
    start = (heads[0] as number) + prefix.length;
    end = start + needed;
    while (end - start < quote.length && text.charCodeAt(end) === quote.charCodeAt(end - start)) end++;
  } else {
    end = (tails[0] as number) + needed;
    start = end - needed;
    while (end - start < quote.length && text.charCodeAt(start - 1) === quote.charCodeAt(quote.length - (end - start) - 1)) start--;
  }
  const survivor = evaluate(text, pq, { start, end, errors: quote.length - (end - start) }, undefined);
  // Most of the quote reading the same elsewhere in context like its own is
  // the passage itself, edited, and this a sibling's words; so is its
  // context standing elsewhere around what is left of it.
  if (copyInOwnContext(norm, pq, survivor) || (!restChecked && contextElsewhere(index, pq, survivor, 0, text.length))) return null;
  return toMatch(norm, pq, survivor);
}

/** Bounds up to this long are scanned for what is left of a cut passage. */
const CUT_SCAN_LIMIT = 8_192;
/** Edits tolerated in a surviving half and the side of context next to it. */
const CUT_ERROR_RATE = 0.1;

/**
 * Within bounds that must hold the passage (anchorAll's landmarks): the
 * passage partly cut, as in `halfAtHint`, where edits also shifted it off
 * the hint. At least half of its quote, with the side of context next to
 * that half, reads with few edits (CUT_ERROR_RATE) in one place between the
 * bounds and nowhere else in the text, and the other half with its side
 * nowhere between the bounds. The surviving
 * stretch, extended over what still agrees with the quote, is the match.
 */
export function cutWithin(norm: NormalizedText, pq: PreparedQuote, lo: number, hi: number): AnchorMatch | null {
  const text = norm.text;
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  const needed = Math.max(MIN_INTACT, Math.ceil(quote.length * INTACT_SHARE));
  if (hi - lo > CUT_SCAN_LIMIT || quote.length < needed || prefix.length < MIN_PREFIX_AT_HINT || suffix.length < MIN_PREFIX_AT_HINT) return null;
  const head = prefix + quote.slice(0, needed);
  const tail = quote.slice(quote.length - needed) + suffix;
  const heads = searchApprox(text, head, Math.max(0, lo - prefix.length), hi, Math.floor(head.length * CUT_ERROR_RATE));
  const tails = searchApprox(text, tail, lo, Math.min(text.length, hi + suffix.length), Math.floor(tail.length * CUT_ERROR_RATE));
  if (heads.length + tails.length !== 1) return null;
  // The half with its context standing anywhere else too (repeated
  // boilerplate) is no trace of this passage more than of that copy.
  const [pattern, found] = heads.length === 1 ? [head, heads[0] as RawMatch] : [tail, tails[0] as RawMatch];
  if (someCopy(textIndex(norm), pattern, Math.floor(pattern.length * CUT_ERROR_RATE), 0, text.length, found.start, (other) => overlapRatio(other, found) <= 0.5)) return null;
  // The half itself, nearly intact, right next to its side of context.
  const halfErrors = Math.floor(needed * CUT_ERROR_RATE);
  const sideBudget = (side: string): number => Math.floor(side.length * CUT_ERROR_RATE);
  let start: number;
  let end: number;
  if (heads.length === 1) {
    const half = searchApprox(text, quote.slice(0, needed), found.start + prefix.length - halfErrors - 1, found.end + 1, halfErrors).find((m) => prefixErrors(text, m.start, prefix) <= sideBudget(prefix));
    if (!half) return null;
    ({ start, end } = half);
    while (end - start < quote.length && text.charCodeAt(end) === quote.charCodeAt(end - start)) end++;
  } else {
    const half = searchApprox(text, quote.slice(quote.length - needed), found.start - 1, found.end - suffix.length + halfErrors + 1, halfErrors).find((m) => suffixErrors(text, m.end, suffix) <= sideBudget(suffix));
    if (!half) return null;
    ({ start, end } = half);
    while (end - start < quote.length && text.charCodeAt(start - 1) === quote.charCodeAt(quote.length - (end - start) - 1)) start--;
  }
  return toMatch(norm, pq, evaluate(text, pq, { start, end, errors: quote.length - (end - start) }, undefined));
}

/** How much of a quote may have been overwritten inside its intact frame. */
const INSIDE_ERROR_RATE = 0.5;
/** Edits tolerated in each side of the frame. */
const FRAME_SIDE_ERROR_RATE = 0.1;
/** How far from the hint the prefix may end (normalized characters). */
const FRAME_HINT_SLACK = 2;

/**
 * The passage partly overwritten inside (a neighbour's rewrite reached into
 * it) where the hint puts it: its prefix, nearly intact, ends right at the
 * hint, its suffix, nearly intact, begins about a quote's length later, and
 * the text between them reads as the quote with at most half of it edited.
 * A deleted passage leaves its two sides meeting instead (a seam), and one
 * replaced outright leaves text that does not read as the quote. The text
 * between the sides is the match.
 */
export function rewrittenInside(norm: NormalizedText, pq: PreparedQuote, hint: number): AnchorMatch | null {
  const text = norm.text;
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  if (quote.length < MIN_INTACT || prefix.length < MIN_PREFIX_AT_HINT || suffix.length < MIN_PREFIX_AT_HINT) return null;
  const sideBudget = (side: string): number => Math.floor(side.length * FRAME_SIDE_ERROR_RATE);
  // Where the prefix ends with the fewest edits, the nearest to the hint of equals.
  let start = -1;
  let startErrors = sideBudget(prefix) + 1;
  for (let at = Math.max(0, hint - FRAME_HINT_SLACK); at <= Math.min(text.length, hint + FRAME_HINT_SLACK); at++) {
    const errors = prefixErrors(text, at, prefix);
    if (errors < startErrors || (errors === startErrors && Math.abs(at - hint) < Math.abs(start - hint))) {
      start = at;
      startErrors = errors;
    }
  }
  if (start === -1) return null;
  const budget = Math.floor(quote.length * INSIDE_ERROR_RATE);
  // The prefix and suffix meeting right there is the passage deleted, and a look-alike of it after them.
  if (seamWithin(text, pq, start, SEAM_SLACK)) return null;
  let best: RawMatch | null = null;
  for (const s of searchApprox(text, suffix, start + quote.length - budget, start + quote.length + budget + suffix.length, sideBudget(suffix))) {
    const inside = s.start - start;
    if (inside <= 0) continue;
    const errors = prefixDistances(compile(quote), text, start, inside, 1, false)[inside] as number;
    if (errors <= budget && (!best || errors < best.errors)) best = { start, end: s.start, errors };
  }
  return best && toMatch(norm, pq, evaluate(text, pq, best, hint));
}
