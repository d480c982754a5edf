/**
 * Scoring and choosing among candidate locations of a quote.
 *
 * Two separate questions are answered here: is a candidate acceptable at all
 * (hard gates: enough of the quote survives, and its context is not that of
 * some other passage), and which acceptable candidate wins (lowest cost, where
 * quote edits, context edits and distance from the hint are all expressed in
 * "edits"). A winner that is not clearly ahead is refused: a repeated passage
 * that nothing tells apart must become an orphan, not a guess.
 */

import { maxErrorsFor, type RawMatch } from "./approx-search";
import { refineBoundaries } from "./boundaries";
import { toOrigRange, type NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { contextScore, floatingWorstSide } from "./similarity";
import { snapToCharacters, trimToQuote } from "./text-utils";
import type { AnchorMatch } from "./types";

export interface Candidate extends RawMatch {
  /** Quote similarity, 1 - errors / quote length. */
  quote: number;
  /** Context similarity in [0, 1], or null when the query has no context. */
  context: number | null;
  /** Distance of the start from the hint (normalized characters); Infinity without a hint. */
  distance: number;
  /** Edits between the query's prefix and suffix and the text around the candidate. */
  contextErrors: number;
  /** Quote edits plus (weighted) context edits. */
  contentCost: number;
  /** contentCost plus the distance, one edit per DISTANCE_PER_EDIT characters. */
  cost: number;
  /** Reported score in [0, 1]. */
  score: number;
  acceptable: boolean;
  /** Would be acceptable near the hint: a rival to reckon with wherever it is. */
  plausible: boolean;
  /** Good enough that searching further afield cannot reasonably beat it. */
  confident: boolean;
  /** Plausible, but one side of context intact and the other rewritten: maybe a similar sentence nearby. */
  oneSided: boolean;
}

/** Below this a passage has lost too much of its text to be "the same" passage. */
export const MIN_QUOTE_SIMILARITY = 0.75;
const MIN_SCORE = 0.75;
/**
 * Context of unrelated English passages scores below 0.41 (both sides) and
 * 0.5 (better side) in 99.9 % of cases; heavily edited genuine context still
 * scores about 0.6.
 */
const MIN_CONTEXT = 0.5;
const MIN_BEST_SIDE = 0.6;
const MIN_WORST_SIDE = 0.5;
const ONE_SIDED_MIN_OVERALL = 0.8;
/** One side at least this similar and the other below ONE_SIDED_WORST: see `oneSided`. */
const ONE_SIDED_BEST = 0.9;
const ONE_SIDED_WORST = 0.75;
/** Similarity of prefix + quote + suffix taken as one string. */
const MIN_OVERALL = 0.65;
/** How many characters of distance from the hint weigh as much as one edit. */
export const DISTANCE_PER_EDIT = 64;
/** An edit in the context counts as this many edits of the quote. */
export const CONTEXT_EDIT_WEIGHT = 1;
/** The runner-up must cost this many edits more, or the choice is a guess. */
export const MARGIN = 2;
/** Away from the hint (or without one) the quote must be nearly intact, and both sides of its context. */
const STRONG_QUOTE = 0.9;
const STRONG_SIDE = 0.8;
/** Beyond this distance from the hint a candidate needs stronger evidence. */
export const AMBIGUOUS_MAX_DISTANCE = 512;
/** Repeated text (contents within these edits) is told apart only by a hint this near... */
const REPEAT_EDITS = 3;
const REPEAT_EDIT_RATE = 0.1;
const REPEAT_NEAR = 256;
/** ...and this many times nearer than the other copy. */
export const REPEAT_RATIO = 3;
/** Exact text right at the hint is trusted even when its context was rewritten. */
export const AT_HINT = 32;
const AT_HINT_MIN_LENGTH = 20;

/**
 * `oneSidedReach`: how far from the hint a candidate with one side of context
 * rewritten is still accepted. A hint corrected by anchored neighbours
 * (anchorAll) is accurate enough to be strict; a stale old position is not.
 */
export function evaluate(text: string, pq: PreparedQuote, raw: RawMatch, hint: number | undefined, oneSidedReach = Infinity): Candidate {
  const length = pq.nExact.length;
  const quote = Math.max(0, 1 - raw.errors / length);
  const ctx = contextScore(text, raw.start, raw.end, pq.nPrefix, pq.nSuffix);
  const distance = hint === undefined ? Infinity : Math.abs(raw.start - hint);
  const contentCost = raw.errors + CONTEXT_EDIT_WEIGHT * ctx.errors;
  const cost = contentCost + (hint === undefined ? 0 : distance / DISTANCE_PER_EDIT);

  let weighted = 0.6 * quote;
  let weights = 0.6;
  if (ctx.similarity !== null) {
    weighted += 0.3 * ctx.similarity;
    weights += 0.3;
  }
  if (hint !== undefined) {
    weighted += 0.1 / (1 + distance / AMBIGUOUS_MAX_DISTANCE);
    weights += 0.1;
  }
  const score = weighted / weights;

  // Context that matches neither side is the signature of a look-alike: the
  // same words in another passage. Only exact text right at the hint is
  // trusted without it (the sentences around it were rewritten). `overall`
  // weighs quote and context by length, so a short quote needs its context.
  const contextLength = pq.nPrefix.length + pq.nSuffix.length;
  const overall = (length - raw.errors + contextLength - ctx.errors) / (length + contextLength);
  const atHint = raw.errors === 0 && distance <= AT_HINT && length >= AT_HINT_MIN_LENGTH;
  // With one side of context that reads like someone else's, the quote must
  // carry the evidence: a short or edited quote there is a similar sentence,
  // not this one. (A word inserted right next to the quote also spoils one
  // side, so a long, intact quote still passes.)
  const contextOk =
    ctx.similarity === null ||
    atHint ||
    (ctx.similarity >= MIN_CONTEXT &&
      ctx.bestSide >= MIN_BEST_SIDE &&
      overall >= MIN_OVERALL &&
      (ctx.worstSide >= MIN_WORST_SIDE || overall >= ONE_SIDED_MIN_OVERALL));
  // Away from the hint nothing corroborates the place, so claiming that the
  // passage moved there takes a nearly intact quote in nearly intact context.
  const far = distance > AMBIGUOUS_MAX_DISTANCE;
  const strong = quote >= STRONG_QUOTE && (ctx.similarity === null || ctx.worstSide >= STRONG_SIDE);
  const plausible = quote >= MIN_QUOTE_SIMILARITY && contextOk;
  // One side intact and the other rewritten (not merely pushed aside by an
  // insertion) is how a similar sentence next to a deleted passage reads;
  // only a place near an accurate hint makes it the passage itself with a
  // reworded neighbour. The floating comparison can only raise the worse
  // side, so it runs only when the plain one says one-sided.
  const oneSided =
    plausible &&
    ctx.similarity !== null &&
    ctx.bestSide >= ONE_SIDED_BEST &&
    ctx.worstSide < ONE_SIDED_WORST &&
    floatingWorstSide(text, raw.start, raw.end, pq.nPrefix, pq.nSuffix, ctx) < ONE_SIDED_WORST;
  const acceptable = plausible && score >= MIN_SCORE && (!far || strong) && (!oneSided || distance <= oneSidedReach);
  const confident = acceptable && quote >= 0.9 && (ctx.similarity === null || ctx.similarity >= 0.8);
  return {
    start: raw.start,
    end: raw.end,
    errors: raw.errors,
    quote,
    context: ctx.similarity,
    contextErrors: ctx.errors,
    distance,
    contentCost,
    cost,
    score,
    acceptable,
    plausible,
    confident,
    oneSided,
  };
}

/** The match a candidate stands for, in the original (unnormalized) text, trimmed to whole characters. */
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

export function overlapRatio(a: RawMatch, b: RawMatch): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter <= 0 ? 0 : overlap / shorter;
}

/** Candidates found by several searches, one per location. */
export class CandidateSet {
  readonly items: Candidate[] = [];

  constructor(
    private readonly text: string,
    private readonly pq: PreparedQuote,
    private readonly hint: number | undefined,
    private readonly oneSidedReach?: number,
  ) {}

  add(matches: RawMatch[]): void {
    for (const found of matches) {
      const raw = refineBoundaries(this.text, this.pq, found, maxErrorsFor(this.pq.nExact.length));
      const same = this.items.findIndex((c) => overlapRatio(c, raw) > 0.5);
      if (same !== -1) {
        const existing = this.items[same] as Candidate;
        if (existing.errors <= raw.errors) continue;
        this.items.splice(same, 1);
      }
      this.items.push(evaluate(this.text, this.pq, raw, this.hint, this.oneSidedReach));
    }
  }
}

export type Decision = { kind: "none" } | { kind: "ambiguous"; confident: boolean } | { kind: "found"; best: Candidate };

/**
 * Whether `best` is clearly ahead of `other`. When one is better in content
 * and the other nearer the hint, the winner's edge on its own axis must be at
 * least twice the loser's edge on the other: a much-edited passage near the
 * hint against a cleaner copy of it a little farther is a coin toss.
 */
function clearlyAhead(best: Candidate, other: Candidate): boolean {
  const contentEdge = other.contentCost - best.contentCost;
  const distanceEdge = other.cost - other.contentCost - (best.cost - best.contentCost);
  const net = contentEdge + distanceEdge;
  if (net < MARGIN) return false;
  return net >= -contentEdge && net >= -distanceEdge;
}

/**
 * Two places reading about the same (within a few edits, or both plausible
 * and `best` far from the hint) can only be told apart by the hint, and only
 * if it is accurate: `best` must be really near it and much nearer than the
 * other. Otherwise a deleted or much-edited passage would slide onto the
 * nearest copy of the boilerplate.
 */
function positionDecides(best: Candidate, other: Candidate): boolean {
  const similar = Math.abs(other.contentCost - best.contentCost) <= repeatMargin(best);
  if (!similar && best.distance <= AMBIGUOUS_MAX_DISTANCE) return true;
  return best.distance <= REPEAT_NEAR && other.distance >= REPEAT_RATIO * best.distance;
}

/** How many more edits (quote and context together) than `best` another place may have and still read about the same. */
export function repeatMargin(best: Candidate): number {
  return REPEAT_EDITS + REPEAT_EDIT_RATE * (best.end - best.start);
}

/**
 * Whether `other` must be weighed against `best`. A winner far from the hint
 * claims the passage moved; any other place where most of the quote reads
 * the same, whatever its context, may be the passage itself after edits.
 */
function rivals(best: Candidate, other: Candidate): boolean {
  return other.plausible || (best.distance > AMBIGUOUS_MAX_DISTANCE && other.quote >= MIN_QUOTE_SIMILARITY);
}

/** Without context the hint is all there is: a reading starting right at it, no worse than `other`, is the one meant. */
export function atHint(best: Candidate, other: Candidate): boolean {
  return best.context === null && best.distance === 0 && other.distance > 0 && best.contentCost <= other.contentCost;
}

export function decide(candidates: readonly Candidate[], hasHint: boolean): Decision {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (c.acceptable && (!best || c.cost < best.cost)) best = c;
  }
  if (!best) return { kind: "none" };
  // The quote itself, exact, stands nearer to the hint than a winner that
  // its context recommends — an edited winner, or one away from the hint
  // when the exact quote is right at it: a sibling sentence with the old
  // context against the passage with its context rewritten, or the passage
  // against a chance copy; the two kinds of evidence disagree.
  const winner = best;
  const disputed = (c: Candidate): boolean =>
    c.errors === 0 &&
    c.distance < winner.distance &&
    c.contextErrors > winner.contextErrors &&
    (winner.errors > 0 || (c.distance <= AT_HINT && winner.distance > AT_HINT)) &&
    overlapRatio(c, winner) <= 0.5;
  // Unless the quote, word for word, starts exactly at the hint: the hint
  // is then the passage's own first character (a stale one is off by the
  // edits before it, and lands on a copy's first character only by chance),
  // and a copy elsewhere that kept the same context is the look-alike.
  const onHint = candidates.find((c) => disputed(c) && c.distance === 0 && c.acceptable);
  if (onHint) return { kind: "found", best: onHint };
  if (candidates.some(disputed)) return { kind: "ambiguous", confident: false };
  for (const c of candidates) {
    if (c === best || !rivals(best, c) || overlapRatio(c, best) > 0.5) continue;
    const decided = hasHint ? atHint(best, c) || (positionDecides(best, c) && clearlyAhead(best, c)) : clearlyAhead(best, c);
    if (!decided) return { kind: "ambiguous", confident: best.confident && c.confident };
  }
  return { kind: "found", best };
}
