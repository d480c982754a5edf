/**
 * Locating a quote in a text: near the hint first, then anywhere, each
 * candidate weighed by its quote, its context and its distance (see
 * candidates.ts); a winner is refused when the passage looks deleted
 * (frame.ts) or, with nothing but a possibly stale hint to go by, when it
 * reads the same somewhere else.
 */

import { maxErrorsFor, searchApprox, type RawMatch } from "./approx-search";
import { bestReading } from "./best-reading";
import { refineBoundaries } from "./boundaries";
import { AMBIGUOUS_MAX_DISTANCE, AT_HINT, CandidateSet, decide, evaluate, MARGIN, MIN_QUOTE_SIMILARITY, overlapRatio, REPEAT_RATIO, repeatMargin, type Candidate } from "./candidates";
import { findCopies, someCopy } from "./copies";
import { contextElsewhere, frameWithout, seamAnywhere, seamWithin } from "./frame";
import { normalizeText, toNormOffset, toOrigRange, type NormalizedText } from "./normalize";
import { prepareQuote, type PreparedQuote } from "./prepare-quote";
import { contextScore, prefixErrors, suffixErrors } from "./similarity";
import { textIndex } from "./text-index";
import { deletedElsewhere, exactCopies, verbatimPlace } from "./verbatim";
import { snapToCharacters, trimToQuote } from "./text-utils";
import type { AnchorMatch, QuoteQuery } from "./types";

/** Local windows, in characters either side of the hint, searched in turn. */
const LOCAL_RADII = [768, 2048] as const;
const LOCAL_REACH = LOCAL_RADII[LOCAL_RADII.length - 1] as number;
/** Beyond the local windows a match needs a quote similarity of 0.9 anyway. */
const WIDE_ERROR_RATE = 0.1;
/**
 * How far a position may be off after a revision, as a share of the text:
 * a deleted section before the passage shifts it by its length. Copies of
 * a passage closer together than this are told apart by nothing a lone
 * hint can be trusted with.
 */
const STALE_SHARE = 0.05;
/** Quotes shorter than this are identified by their context more than by their words. */
const SHORT_QUOTE = 20;
/** Winners farther than this from the hint must pass the deleted-passage check. */
const FRAME_CHECK_DISTANCE = 64;
/** Winners that are edited, or farther than this from the hint, must not have a deletion's seam near. */
const SEAM_CHECK_DISTANCE = 64;

export interface LocateOptions {
  /** Expected start (a normalized offset). */
  hint?: number;
  /** Hard bounds (normalized offsets) the match must lie within. */
  lo?: number;
  hi?: number;
  /**
   * Whether the hint may be far off, so that the whole of [lo, hi) is
   * searched once the local windows fail and copies anywhere near count.
   * False when neighbours already bound the passage (anchorAll).
   */
  global?: boolean;
  /** See `evaluate` in candidates.ts. */
  oneSidedReach?: number;
}

/**
 * How far from the hint a deletion's seam is looked for: twice the
 * candidate's distance. A hint off by that much may be off either way, so the
 * deleted passage's seam can lie beyond the candidate, a sibling sentence
 * that happens to be nearer the stale hint than the seam.
 */
function seamReach(distance: number): number {
  return 2 * Math.max(distance, SEAM_CHECK_DISTANCE);
}

/** Prefixes shorter than this say too little on their own. */
const MIN_PREFIX_AT_HINT = 16;

/**
 * Whether the passage's own prefix, nearly intact, still ends right where the
 * hint puts the passage: then the passage was there, and what follows it now
 * is what became of it; a winner elsewhere is a sibling sentence.
 */
function prefixAt(text: string, pq: PreparedQuote, hint: number): boolean {
  const prefix = pq.nPrefix;
  if (prefix.length < MIN_PREFIX_AT_HINT) return false;
  const budget = Math.floor(prefix.length * 0.1);
  for (let at = Math.max(0, hint - 2); at <= Math.min(text.length, hint + 2); at++) {
    if (prefixErrors(text, at, prefix) <= budget) return true;
  }
  return false;
}

/** The share of a quote that must stand intact at the hint, next to its intact context, when the rest was overwritten. */
const INTACT_SHARE = 0.5;
const MIN_INTACT = 16;

/**
 * The passage partly overwritten where it stood (a neighbour's rewrite took
 * its head or its tail): at least half of the quote still stands word for
 * word right at the hint, with the side of context next to that half nearly
 * intact too. The surviving stretch is the match. A deleted passage leaves
 * its context meeting there instead, and a rewritten one nothing intact.
 */
function halfAtHint(norm: NormalizedText, pq: PreparedQuote, hint: number): AnchorMatch | null {
  const text = norm.text;
  const quote = pq.nExact;
  const needed = Math.max(MIN_INTACT, Math.ceil(quote.length * INTACT_SHARE));
  if (quote.length < needed || pq.nPrefix.length < MIN_PREFIX_AT_HINT || pq.nSuffix.length < MIN_PREFIX_AT_HINT) return null;
  const side = (length: number): number => Math.floor(length * 0.1);
  let head = 0;
  while (head < quote.length && text.charCodeAt(hint + head) === quote.charCodeAt(head)) head++;
  const survivor = (start: number, length: number): AnchorMatch | null => toMatch(norm, pq, evaluate(text, pq, { start, end: start + length, errors: quote.length - length }, hint));
  if (head >= needed && prefixErrors(text, hint, pq.nPrefix) <= side(pq.nPrefix.length)) return survivor(hint, head);
  const end = hint + quote.length;
  let tail = 0;
  while (tail < quote.length && end - tail - 1 >= 0 && text.charCodeAt(end - tail - 1) === quote.charCodeAt(quote.length - tail - 1)) tail++;
  if (tail >= needed && suffixErrors(text, end, pq.nSuffix) <= side(pq.nSuffix.length)) return survivor(end - tail, tail);
  return null;
}

export function toMatch(norm: NormalizedText, pq: PreparedQuote, c: Candidate): AnchorMatch | null {
  let [start, end] = toOrigRange(norm, c.start, c.end);
  [start, end] = trimToQuote(norm.source, start, end, pq.exact);
  [start, end] = snapToCharacters(norm.source, start, end);
  if (end <= start) return null;
  // A perfect score is reserved for the untouched quote.
  const exactHere = c.errors === 0 && norm.source.slice(start, end) === pq.exact;
  const score = exactHere ? c.score : Math.min(c.score, 0.99);
  return { start, end, score: Math.round(score * 1000) / 1000 };
}

/**
 * Whether the passage might be somewhere else than `best` within [from, to):
 * another place reads as well or about as well, quote and context together.
 * With a hint that may be stale, being nearer to it is no evidence.
 */
function elsewhere(norm: NormalizedText, pq: PreparedQuote, best: Candidate, from: number, to: number, slack = repeatMargin(best)): boolean {
  const length = pq.nExact.length;
  // A copy's quote alone must already be within what the winner has in all.
  const reads = best.contentCost + slack;
  const cost = (m: RawMatch): number => m.errors + contextScore(norm.text, m.start, m.end, pq.nPrefix, pq.nSuffix).errors;
  return someCopy(textIndex(norm), pq.nExact, Math.min(maxErrorsFor(length), Math.floor(reads)), from, to, best.start, (found) => {
    if (overlapRatio(found, best) > 0.5 || 1 - found.errors / length < MIN_QUOTE_SIMILARITY) return false;
    // Boundaries fitted to the context only ever lower the cost: needed only when the found ones read worse.
    return cost(found) <= reads || cost(refineBoundaries(norm.text, pq, found, maxErrorsFor(length))) <= reads;
  });
}

/** A match, "refused" (the passage is gone, or nothing tells its copies apart), or null (nothing reads like it). */
export type Outcome = AnchorMatch | "refused" | null;

/**
 * The passage word for word in one place of the whole text (verbatim.ts),
 * unless most of its quote reads the same anywhere else: that may be the
 * passage itself, edited or cut, and the verbatim one another copy of it.
 */
export function locateVerbatim(norm: NormalizedText, pq: PreparedQuote, hint: number | undefined): AnchorMatch | null {
  const found = verbatimPlace(norm, pq, hint);
  if (!found) return null;
  // The passage's own prefix still ending where the hint puts it: the passage was there, cut or rewritten.
  if (hint !== undefined && found.distance > FRAME_CHECK_DISTANCE && prefixAt(norm.text, pq, hint)) return null;
  // The cheaper test first: in repeated text a rival turns up at once.
  return quoteElsewhere(norm, pq, found) || deletedElsewhere(norm, pq, found, hint) ? null : toMatch(norm, pq, found);
}

/** Context this similar to the passage's, around most of its quote, is its own, edited. */
const OWN_CONTEXT = 0.8;

/**
 * Whether most of the quote (a similarity of MIN_QUOTE_SIMILARITY) reads the
 * same somewhere other than `best`, at a place `counts` (all by default).
 */
function quoteElsewhere(norm: NormalizedText, pq: PreparedQuote, best: RawMatch, counts: (other: RawMatch) => boolean = () => true, from = 0, to = norm.text.length): boolean {
  return someCopy(textIndex(norm), pq.nExact, maxErrorsFor(pq.nExact.length), from, to, best.start, (other) => overlapRatio(other, best) <= 0.5 && counts(other));
}

/** Whether the text around a reading of the quote is the passage's own context, edited (OWN_CONTEXT). */
function inOwnContext(norm: NormalizedText, pq: PreparedQuote, reading: RawMatch): boolean {
  const { start, end } = refineBoundaries(norm.text, pq, reading, maxErrorsFor(pq.nExact.length));
  return (contextScore(norm.text, start, end, pq.nPrefix, pq.nSuffix).similarity ?? 1) >= OWN_CONTEXT;
}

/**
 * Whether most of the quote reads the same somewhere other than `best`
 * (starting within [from, to)), in context that could be the passage's own: a copy of the passage (repeated
 * boilerplate), or the passage itself, edited, with `best` the copy.
 */
export function copyInOwnContext(norm: NormalizedText, pq: PreparedQuote, best: RawMatch, from = 0, to = norm.text.length): boolean {
  return quoteElsewhere(norm, pq, best, (other) => inOwnContext(norm, pq, other), from, to);
}

export function locate(norm: NormalizedText, pq: PreparedQuote, options: LocateOptions = {}): AnchorMatch | null {
  const outcome = locateOutcome(norm, pq, options);
  return outcome === "refused" ? null : outcome;
}

export function locateOutcome(norm: NormalizedText, pq: PreparedQuote, options: LocateOptions = {}): Outcome {
  const text = norm.text;
  const length = pq.nExact.length;
  const lo = Math.max(0, Math.floor(options.lo ?? 0));
  const hi = Math.min(text.length, Math.ceil(options.hi ?? text.length));
  if (hi - lo < 1) return null;
  const hint = options.hint;
  const global = options.global !== false;
  const set = new CandidateSet(text, pq, hint, options.oneSidedReach);

  const finish = (best: Candidate): Outcome => {
    if (hint !== undefined) {
      // Only a frame nearer to the hint than the candidate, with context as
      // good as the candidate's, can veto it: none can beat intact context
      // (a deletion that left the context intact leaves a seam, checked next).
      if (best.distance > FRAME_CHECK_DISTANCE && best.contextErrors > 0 && frameWithout(text, pq, hint, best.distance, best)) return "refused";
      if (best.distance > FRAME_CHECK_DISTANCE && prefixAt(text, pq, hint)) return "refused";
      if ((best.errors > 0 || best.distance > SEAM_CHECK_DISTANCE) && seamWithin(text, pq, hint, seamReach(best.distance) + length)) return "refused";
    } else if (seamAnywhere(textIndex(norm), pq, lo, hi)) {
      // Without a hint, the seam a deletion left anywhere says the passage is gone.
      return "refused";
    } else if (copyInOwnContext(norm, pq, best)) {
      // Nor is there anything to choose between two places where the quote
      // reads about the same in context that could be its own: either may be
      // the passage, edited.
      return "refused";
    }
    // Bounds (landmarks far apart) do not pin a place this far from the
    // hint, nor a short quote, which its context identifies, off the hint:
    // the passage may have moved out of them, or been deleted, leaving a copy
    // within them. A place anywhere that reads about as well says so.
    if (!global && hint !== undefined && best.distance > (length < SHORT_QUOTE ? AT_HINT : AMBIGUOUS_MAX_DISTANCE) && elsewhere(norm, pq, best, 0, text.length)) return "refused";
    if (global) {
      const reach = STALE_SHARE * text.length;
      // Near the hint, copies within the hint's reach count; a winner far from
      // it claims the passage moved, and must be the only one anywhere. So
      // must a look-alike's signatures: one side of context rewritten (how a
      // similar sentence next to a deleted passage reads), or a short quote,
      // which its context identifies, with that context edited.
      const near = hint !== undefined && best.distance <= AMBIGUOUS_MAX_DISTANCE;
      const local = near && !best.oneSided && (length >= SHORT_QUOTE || best.contextErrors === 0);
      const from = local ? Math.max(lo, hint - reach) : lo;
      const to = local ? Math.min(hi, hint + length + reach) : hi;
      if (elsewhere(norm, pq, best, from, to)) return "refused";
      // Whatever the hint says, a place anywhere that reads clearly better
      // than an edited winner is likelier the passage (moved there).
      if (local && best.contentCost >= MARGIN && elsewhere(norm, pq, best, lo, hi, -MARGIN)) return "refused";
      if (!near && contextElsewhere(textIndex(norm), pq, best, from, to)) return "refused";
      // Off the hint, most of the quote reading the same within the hint's
      // reach, in context like the passage's own, may be the passage itself,
      // edited, and the winner a copy of it (repeated boilerplate, or a
      // sibling sentence that reads better than the edited passage).
      if (hint !== undefined && best.distance > AT_HINT && copyInOwnContext(norm, pq, best, Math.max(lo, hint - reach), Math.min(hi, hint + length + reach))) return "refused";
    }
    return toMatch(norm, pq, best);
  };

  if (hint !== undefined) {
    let doneFrom = hint;
    let doneTo = hint;
    for (const radius of LOCAL_RADII) {
      const from = Math.max(lo, hint - radius);
      const to = Math.min(hi, hint + length + radius);
      if (to <= from) continue;
      // Only the bands the previous window did not cover are searched.
      const bands: [number, number][] = doneTo <= doneFrom ? [[from, to]] : [[from, doneFrom + length], [doneTo - length, to]];
      for (const [bandFrom, bandTo] of bands) {
        if (bandTo - bandFrom >= length / 2) set.add(searchApprox(text, pq.nExact, bandFrom, bandTo, maxErrorsFor(length)));
      }
      doneFrom = from;
      doneTo = to;
      const d = decide(set.items, true);
      // Settled once no copy outside this window could still be near enough
      // to make the winner's distance inconclusive.
      if (d.kind === "found" && d.best.confident && d.best.distance * REPEAT_RATIO <= radius) return finish(d.best);
      if (d.kind === "ambiguous" && d.confident) return "refused";
    }
    // Near the hint, an acceptable candidate is preferred to a better one
    // far away: the far one is likelier a copy than the passage moved.
    const d = decide(set.items, true);
    if (d.kind === "found") return finish(d.best);
    if (d.kind === "ambiguous") return "refused";
    const half = halfAtHint(norm, pq, hint) ?? (global ? null : cutWithin(norm, pq, lo, hi));
    if (half) return half;
    // The passage's frame is still here but empty: it was deleted, and
    // whatever a wider search would find is some other passage.
    if (frameWithout(text, pq, hint, LOCAL_REACH + length, null)) return "refused";
  }
  if (!global) return lastResort(norm, pq, hint, lo, hi);

  // Farther out only nearly intact quotes are acceptable (see candidates.ts),
  // and those the text index finds without scanning the text.
  set.add(findCopies(textIndex(norm), pq.nExact, Math.floor(length * WIDE_ERROR_RATE), lo, hi));
  const d = decide(set.items, hint !== undefined);
  if (d.kind === "found") return finish(d.best);
  if (d.kind === "ambiguous") return "refused";
  if (hint === undefined) {
    const sole = soleReading(norm, pq);
    if (sole) return toMatch(norm, pq, sole);
    const half = halfAnywhere(norm, pq);
    if (half) return half;
  }
  return lastResort(norm, pq, hint, lo, hi);
}

/**
 * Without a hint: the place in the whole text where most of the quote
 * (MIN_QUOTE_SIMILARITY) reads best, every other such place at least the
 * repeat margin worse (copies within it leave nothing to choose by), its
 * context no one else's, and no sign that the passage was deleted (a seam,
 * one side of its context standing elsewhere). That is the passage, edited.
 */
function soleReading(norm: NormalizedText, pq: PreparedQuote): Candidate | null {
  const length = pq.nExact.length;
  const index = textIndex(norm);
  const readings: Candidate[] = [];
  for (const found of findCopies(index, pq.nExact, maxErrorsFor(length), 0, norm.text.length)) {
    if (readings.some((r) => overlapRatio(r, found) > 0.5)) continue;
    readings.push(evaluate(norm.text, pq, refineBoundaries(norm.text, pq, found, maxErrorsFor(length)), undefined));
  }
  let best: Candidate | undefined;
  for (const r of readings) if (!best || r.contentCost < best.contentCost) best = r;
  if (!best) return null;
  const winner = best;
  if (readings.some((r) => r !== winner && r.contentCost - winner.contentCost < repeatMargin(winner))) return null;
  if (!best.plausible || seamAnywhere(index, pq, 0, norm.text.length) || contextElsewhere(index, pq, best, 0, norm.text.length)) return null;
  return best;
}

/**
 * Without a hint: the passage partly cut (a neighbour's deletion took its
 * head or its tail). At least half of its quote stands word for word right
 * after its prefix, or right before its suffix, that side word for word too,
 * in one place of the whole text; its context does not meet anywhere (what
 * deleting all of it leaves), nor does most of its quote read the same
 * anywhere else in context like its own, nor does a side of its context
 * stand elsewhere around what is left of it. The surviving stretch is the
 * match.
 */
function halfAnywhere(norm: NormalizedText, pq: PreparedQuote): AnchorMatch | null {
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
  if (copyInOwnContext(norm, pq, survivor) || contextElsewhere(index, pq, survivor, 0, text.length)) return null;
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
function cutWithin(norm: NormalizedText, pq: PreparedQuote, lo: number, hi: number): AnchorMatch | null {
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

function lastResort(norm: NormalizedText, pq: PreparedQuote, hint: number | undefined, lo: number, hi: number): Outcome {
  const best = bestReading(norm, pq, hint, lo, hi);
  return best && toMatch(norm, pq, best);
}

/**
 * Finds `quote` in `text`. `hint` is where it is expected to start (the old
 * position). Returns null when nothing is convincingly the annotated passage.
 */
export function matchQuote(text: string, quote: QuoteQuery, hint?: number): AnchorMatch | null {
  const exact = quote.exact ?? "";
  if (exact.length === 0) return null;
  const h = hint !== undefined && Number.isFinite(hint) ? Math.round(hint) : undefined;
  // The common case, an untouched text, costs three string comparisons.
  if (h !== undefined && h >= 0 && text.startsWith(exact, h)) {
    const end = h + exact.length;
    if (text.endsWith(quote.prefix ?? "", h) && text.startsWith(quote.suffix ?? "", end)) return { start: h, end, score: 1 };
  }
  const pq = prepareQuote(quote);
  if (!pq) return null;
  const norm = normalizeText(text);
  const normHint = h === undefined ? undefined : toNormOffset(norm, h);
  return locate(norm, pq, { hint: normHint }) ?? locateVerbatim(norm, pq, normHint);
}

