/**
 * Locating a quote in a text: exact occurrences first, then approximate ones,
 * near the hint before far from it, each candidate weighed by its quote, its
 * context and its distance (see candidates.ts).
 */

import { searchApprox, searchExact } from "./approx-search";
import { AMBIGUOUS_MAX_DISTANCE, CandidateSet, decide, overlapRatio, REPEAT_RATIO, rivals, type Candidate } from "./candidates";
import { frameWithout, seamWithin } from "./frame";
import { normalizeText, toNormOffset, toOrigRange, type NormalizedText } from "./normalize";
import { prepareQuote, type PreparedQuote } from "./prepare-quote";
import { snapToCharacters, trimToQuote } from "./text-utils";
import type { AnchorMatch, QuoteQuery } from "./types";

/** Local windows, in characters either side of the hint, searched in turn. */
const LOCAL_RADII = [768, 2048] as const;
/** Then wider ones, then the whole text. */
const WIDE_RADII = [16_384, 65_536] as const;
/** Beyond this distance from a hint only exact occurrences are looked for. */
const FUZZY_REACH = 16_384;
/** Beyond the local windows a match needs a quote similarity of 0.9 anyway. */
const WIDE_ERROR_RATE = 0.1;
const MAX_EXACT = 500;
/** Rounds of searching between the matches found, near the hint and far from it. */
const LOCAL_DEPTH = 1;
const WIDE_DEPTH = 0;
/** Winners farther than this from the hint must pass the deleted-passage check. */
const FRAME_CHECK_DISTANCE = 64;
/** Winners that are much edited, or farther than this from the hint, must not have a deletion's seam near. */
const SEAM_CHECK_DISTANCE = 64;
const LOCAL_REACH = LOCAL_RADII[LOCAL_RADII.length - 1] as number;

export interface LocateOptions {
  /** Expected start, as an offset into the source text. */
  hint?: number;
  /** Hard bounds (normalized offsets) the match must lie within. */
  lo?: number;
  hi?: number;
  /** Whether to search the whole [lo, hi) once the local windows fail. */
  global?: boolean;
  /** See `evaluate` in candidates.ts. */
  oneSidedReach?: number;
}

/**
 * A match far from the hint (or found without one) claims the passage moved.
 * The searches that found it stopped early or looked only for nearly intact
 * quotes, so an edited copy of the words, maybe the real passage, could have
 * gone unseen; look again over the whole text with the full error budget and
 * give up if the quote reads about the same anywhere else.
 */
function rivalOfFarMatch(text: string, pq: PreparedQuote, hint: number | undefined, best: Candidate): boolean {
  const set = new CandidateSet(text, pq, hint);
  set.add(searchApprox(text, pq.nExact, 0, text.length, WIDE_DEPTH));
  return set.items.some((c) => rivals(best, c) && overlapRatio(c, best) <= 0.5);
}

/**
 * How far from the hint a deletion's seam is looked for. Near the hint the
 * candidate's own distance bounds how far off the hint can be; far from it
 * the hint is stale, and the deleted passage may lie on the other side.
 */
function seamReach(distance: number): number {
  const d = Math.max(distance, SEAM_CHECK_DISTANCE);
  return d <= AMBIGUOUS_MAX_DISTANCE ? d + SEAM_CHECK_DISTANCE : 2 * d;
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

export function locate(norm: NormalizedText, pq: PreparedQuote, options: LocateOptions = {}): AnchorMatch | null {
  const text = norm.text;
  const length = pq.nExact.length;
  const lo = Math.max(0, Math.floor(options.lo ?? 0));
  const hi = Math.min(text.length, Math.ceil(options.hi ?? text.length));
  if (hi - lo < 1) return null;
  const hint = options.hint === undefined ? undefined : toNormOffset(norm, options.hint);
  const set = new CandidateSet(text, pq, hint, options.oneSidedReach);

  const finish = (best: Candidate): AnchorMatch | null => {
    // Only a frame nearer to the hint than the candidate, with context as
    // good as the candidate's, can veto it: none can beat intact context
    // (a deletion that left the context intact leaves a seam, checked next).
    if (hint !== undefined && best.distance > FRAME_CHECK_DISTANCE && best.contextErrors > 0 && frameWithout(text, pq, hint, best.distance, best)) {
      return null;
    }
    if (hint !== undefined && ((best.errors > 0 && !best.confident) || best.distance > SEAM_CHECK_DISTANCE) && seamWithin(text, pq, hint, seamReach(best.distance) + length)) {
      return null;
    }
    if (best.distance > AMBIGUOUS_MAX_DISTANCE && rivalOfFarMatch(text, pq, hint, best)) return null;
    return toMatch(norm, pq, best);
  };

  if (hint !== undefined) {
    let doneFrom = hint;
    let doneTo = hint;
    for (const radius of LOCAL_RADII) {
      const from = Math.max(lo, hint - radius);
      const to = Math.min(hi, hint + length + radius);
      if (to <= from) continue;
      // Exact occurrences alone are not enough to decide: an edited copy in
      // the same window may be the passage, the exact one its boilerplate twin.
      // Only the bands the previous window did not cover are searched.
      const bands: [number, number][] = doneTo <= doneFrom ? [[from, to]] : [[from, doneFrom + length], [doneTo - length, to]];
      for (const [bandFrom, bandTo] of bands) {
        if (bandTo - bandFrom < length / 2) continue;
        set.add(searchExact(text, pq.nExact, bandFrom, bandTo, MAX_EXACT));
        // Runners-up hidden behind a better match are looked for where the
        // passage most likely is; farther out, one candidate per band is
        // enough to notice a rival.
        set.add(searchApprox(text, pq.nExact, bandFrom, bandTo, radius === LOCAL_RADII[0] ? LOCAL_DEPTH : 0));
      }
      doneFrom = from;
      doneTo = to;
      const d = decide(set.items, true);
      // Settled once no copy outside this window could still be near enough
      // to make the winner's distance inconclusive.
      if (d.kind === "found" && d.best.confident && d.best.distance * REPEAT_RATIO <= radius) return finish(d.best);
      if (d.kind === "ambiguous" && d.confident) return null;
    }
    // Near the hint, an acceptable candidate is preferred to a better one
    // far away: the far one is likelier a copy than the passage moved.
    const d = decide(set.items, true);
    if (d.kind === "found") return finish(d.best);
    if (d.kind === "ambiguous") return null;
    // The passage's frame is still here but empty: it was deleted, and
    // whatever a wider search would find is some other passage.
    if (frameWithout(text, pq, hint, LOCAL_REACH + length, null)) return null;
  }
  if (options.global === false) return null;

  // Farther out only nearly intact quotes are acceptable (see candidates.ts),
  // so the search can afford a smaller error budget, and it widens in steps
  // because a hint that is off is usually off by less than the whole text.
  const radii = hint === undefined ? [Infinity] : [...WIDE_RADII, Infinity];
  // Each step searches only the two bands the previous one did not cover.
  let doneFrom = hint === undefined ? lo : Math.max(lo, hint - LOCAL_REACH);
  let doneTo = hint === undefined ? lo : Math.min(hi, hint + length + LOCAL_REACH);
  for (const radius of radii) {
    const from = hint === undefined ? lo : Math.max(lo, hint - radius);
    const to = hint === undefined ? hi : Math.min(hi, hint + length + radius);
    const bands: [number, number][] = doneTo <= doneFrom ? [[from, to]] : [[from, doneFrom + length], [doneTo - length, to]];
    for (const [bandFrom, bandTo] of bands) {
      if (bandTo - bandFrom < length / 2) continue;
      set.add(searchExact(text, pq.nExact, bandFrom, bandTo, MAX_EXACT));
      // A passage both moved far and edited is given up for an orphan rather
      // than paid for with a fuzzy search of the whole text on every miss.
      if (hint === undefined || radius <= FUZZY_REACH) set.add(searchApprox(text, pq.nExact, bandFrom, bandTo, WIDE_DEPTH, WIDE_ERROR_RATE));
    }
    doneFrom = from;
    doneTo = to;
    const d = decide(set.items, hint !== undefined);
    if (d.kind === "found" && d.best.confident) return finish(d.best);
    if (d.kind === "ambiguous" && d.confident) return null;
    if (from <= lo && to >= hi) break;
  }
  const d = decide(set.items, hint !== undefined);
  return d.kind === "found" ? finish(d.best) : null;
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
  return pq ? locate(normalizeText(text), pq, { hint: h }) : null;
}
