/**
 * Locating a quote in a text: near the hint first, then anywhere, each
 * candidate weighed by its quote, its context and its distance (see
 * candidates.ts); a winner is refused when the passage looks deleted
 * (frame.ts) or, with nothing but a possibly stale hint to go by, when it
 * reads the same somewhere else.
 */

import { maxErrorsFor, searchApprox } from "./approx-search";
import { bestReading } from "./best-reading";
import { refineBoundaries } from "./boundaries";
import { AMBIGUOUS_MAX_DISTANCE, AT_HINT, CandidateSet, decide, evaluate, MARGIN, overlapRatio, REPEAT_RATIO, repeatMargin, toMatch, type Candidate } from "./candidates";
import { contextHint, otherHalfElsewhere, readingBeside } from "./context-hint";
import { findCopies } from "./copies";
import { cutWithin, halfAnywhere, halfAtHint, MIN_PREFIX_AT_HINT, rewrittenInside } from "./cut-passage";
import { copyInOwnContext, elsewhere, quoteElsewhere } from "./elsewhere";
import { contextElsewhere, frameWithout, seamAnywhere, seamWithin } from "./frame";
import { normalizeText, toNormOffset, type NormalizedText } from "./normalize";
import { prepareQuote, type PreparedQuote } from "./prepare-quote";
import { prefixErrors } from "./similarity";
import { textIndex } from "./text-index";
import { deletedElsewhere, verbatimPlace } from "./verbatim";
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

  // Whether the passage's own place shows it was deleted, `best` being a copy of it.
  const deleted = (best: Candidate): boolean => {
    if (hint !== undefined) {
      // Only a frame nearer to the hint than the candidate, with context as
      // good as the candidate's, can veto it: none can beat intact context
      // (a deletion that left the context intact leaves a seam, checked next).
      if (best.distance > FRAME_CHECK_DISTANCE && best.contextErrors > 0 && frameWithout(text, pq, hint, best.distance, best)) return true;
      if (best.distance > FRAME_CHECK_DISTANCE && prefixAt(text, pq, hint)) return true;
      return (best.errors > 0 || best.distance > SEAM_CHECK_DISTANCE) && seamWithin(text, pq, hint, seamReach(best.distance) + length);
    }
    // Without a hint, the seam a deletion left anywhere says the passage is
    // gone. Nor is there anything to choose between two places where the
    // quote reads about the same in context that could be its own: either may
    // be the passage, edited.
    return seamAnywhere(textIndex(norm), pq, lo, hi) || copyInOwnContext(norm, pq, best);
  };

  // Whether another place may as well be the passage, `best` a look-alike.
  const lookAlike = (best: Candidate): boolean => {
    // Bounds (landmarks far apart) do not pin a place this far from the
    // hint, nor a short quote, which its context identifies, off the hint:
    // the passage may have moved out of them, or been deleted, leaving a copy
    // within them. A place anywhere that reads about as well says so.
    if (!global) return hint !== undefined && best.distance > (length < SHORT_QUOTE ? AT_HINT : AMBIGUOUS_MAX_DISTANCE) && elsewhere(norm, pq, best, 0, text.length);
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
    if (elsewhere(norm, pq, best, from, to)) return true;
    // Whatever the hint says, a place anywhere that reads clearly better
    // than an edited winner is likelier the passage (moved there).
    if (local && best.contentCost >= MARGIN && elsewhere(norm, pq, best, lo, hi, -MARGIN)) return true;
    if (!near && contextElsewhere(textIndex(norm), pq, best, from, to)) return true;
    // Off the hint, most of the quote reading the same within the hint's
    // reach, in context like the passage's own, may be the passage itself,
    // edited, and the winner a copy of it (repeated boilerplate, or a
    // sibling sentence that reads better than the edited passage).
    return hint !== undefined && best.distance > AT_HINT && copyInOwnContext(norm, pq, best, Math.max(lo, hint - reach), Math.min(hi, hint + length + reach));
  };

  // Either refuses the winner; in repeated text a copy that reads as well
  // turns up at once, so that question goes first.
  const finish = (best: Candidate): Outcome => (lookAlike(best) || deleted(best) ? "refused" : toMatch(norm, pq, best));

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
    const half = halfAtHint(norm, pq, hint) ?? rewrittenInside(norm, pq, hint) ?? (global ? null : cutWithin(norm, pq, lo, hi));
    if (half) return half;
    // The passage's frame is still here but empty: it was deleted, and
    // whatever a wider search would find is some other passage. Bounded by
    // landmarks, the frame found may instead be the passage's own, holding
    // it word for word beyond the bounds: it moved out of them, and the
    // caller looks for it there.
    if (frameWithout(text, pq, hint, LOCAL_REACH + length, null)) return global || frameWithout(text, pq, hint, LOCAL_REACH + length, null, false) ? "refused" : null;
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
 * A passage with no position (imported, or a quote alone): searched for
 * without a hint, and failing that from where a side of its context says it
 * stands (context-hint.ts), as with an old position, unless its context
 * meets somewhere (what deleting it leaves).
 */
export function locateWithoutPosition(norm: NormalizedText, pq: PreparedQuote): AnchorMatch | null {
  const found = locate(norm, pq) ?? locateVerbatim(norm, pq, undefined);
  if (found) return found;
  // The passage's context meeting anywhere says it was deleted, wherever a side of it stands.
  const hint = seamAnywhere(textIndex(norm), pq, 0, norm.text.length) ? undefined : contextHint(norm, pq);
  if (hint === undefined) return null;
  const atHint = locate(norm, pq, { hint: hint.start }) ?? locateVerbatim(norm, pq, hint.start) ?? readingBeside(norm, pq, hint);
  return atHint && !otherHalfElsewhere(norm, pq, atHint) ? atHint : null;
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
  if (h === undefined) return locateWithoutPosition(norm, pq);
  const normHint = toNormOffset(norm, h);
  return locate(norm, pq, { hint: normHint }) ?? locateVerbatim(norm, pq, normHint);
}

