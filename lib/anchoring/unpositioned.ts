/**
 * What anchorAll still tries for a passage with no position (an imported
 * annotation) once locateWithoutPosition has found nothing it can vouch
 * for. Each rule takes a place only on evidence that no look-alike shares:
 *
 * - `clearlyBestFrame`: the quote reads nearly intact between both sides of
 *   its context, each nearly intact, and no other place reads about as well
 *   — neither the quote alone (the repeat margin) nor the passage's whole
 *   frame, prefix, quote and suffix taken together, however mangled the
 *   quote in it. Part of the passage's words or one side of its context
 *   standing elsewhere (repeated boilerplate) does not outweigh that.
 * - `partBeside`: what a cut left of the passage — a third of its quote or
 *   more, nearly intact — right beside the one side of its context that stands
 *   once in the text (context-hint.ts), or that stands once together with
 *   that part, when the rest of it with its other side stands nowhere else
 *   and its context does not meet anywhere.
 */

import { candidatesAnywhere } from "./best-reading";
import { overlapRatio, repeatMargin, toMatch, evaluate, type Candidate } from "./candidates";
import { partReadings } from "./part-readings";
import { contextHint, otherHalfElsewhere, partHint, type ContextHint } from "./context-hint";
import { someCopy } from "./copies";
import { SEAM_SLACK } from "./cut-passage";
import { copyInOwnContext } from "./elsewhere";
import { seamAnywhere, seamWithin } from "./frame";
import type { NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import { contextScore, prefixErrors, suffixErrors, UNRELATED_SIDE } from "./similarity";
import type { RawMatch } from "./approx-search";
import { textIndex } from "./text-index";
import type { AnchorMatch } from "./types";

/** Sides shorter than this say too little to vouch for a place. */
const MIN_SIDE = 16;
/** Edits a "nearly intact" quote, side of context, or surviving part may have. */
const NEARLY_INTACT = 0.1;
/**
 * Another place where the passage's whole frame (prefix, quote, suffix)
 * reads with up to this share of it edited may be the passage itself,
 * edited, and the winner a copy: nothing but the edits tells them apart.
 */
const FRAME_RIVAL_RATE = 0.25;
/**
 * The share of the quote (and the least length) a surviving part must keep:
 * beside a side of context that stands once, a third of the quote read
 * with few edits is already more than chance or boilerplate leaves (a copy
 * of those words elsewhere refuses it).
 */
const PART_SHARE = 1 / 3;
const MIN_PART = 16;

function nearlyIntact(errors: number, length: number): boolean {
  return errors <= Math.floor(length * NEARLY_INTACT);
}

/**
 * The one place where the quote, nearly intact, stands between both sides of
 * its context, each nearly intact, every other reading of the quote at
 * least the repeat margin worse, and no other place where the passage's
 * whole frame reads within a quarter of its length (or within that margin
 * of the winner, when that is more). A passage deleted leaves its
 * context meeting (a seam); one edited where a copy stands untouched leaves
 * most of its quote in context like its own (copyInOwnContext): both refuse.
 */
export function clearlyBestFrame(norm: NormalizedText, pq: PreparedQuote): AnchorMatch | null {
  const { nPrefix: prefix, nExact: quote, nSuffix: suffix } = pq;
  if (prefix.length < MIN_SIDE || suffix.length < MIN_SIDE) return null;
  const text = norm.text;
  const found = candidatesAnywhere(norm, pq);
  let best: Candidate | undefined;
  for (const c of found) if (!best || c.contentCost < best.contentCost) best = c;
  if (!best || !best.plausible || !nearlyIntact(best.errors, quote.length)) return null;
  const ctx = contextScore(text, best.start, best.end, prefix, suffix);
  if (!nearlyIntact(ctx.prefixErrors, prefix.length) || !nearlyIntact(ctx.suffixErrors, suffix.length)) return null;
  const winner = best;
  const margin = repeatMargin(winner);
  if (found.some((c) => c !== winner && overlapRatio(c, winner) <= 0.5 && c.contentCost - winner.contentCost < margin)) return null;
  const index = textIndex(norm);
  if (seamAnywhere(index, pq, 0, text.length) || copyInOwnContext(norm, pq, winner)) return null;
  const frame = prefix + quote + suffix;
  const own = { start: winner.start - prefix.length, end: winner.end + suffix.length, errors: 0 };
  const rivalErrors = Math.max(winner.contentCost + margin, frame.length * FRAME_RIVAL_RATE);
  const rival = someCopy(index, frame, Math.floor(rivalErrors), 0, text.length, own.start, (other) => overlapRatio(other, own) <= 0.5);
  return rival ? null : toMatch(norm, pq, winner);
}

/**
 * The longest head (reading forward from the hint's edge) or tail (reading
 * backward) of the quote that reads from the edge with its edits nearly
 * intact: [length of the quote's part, length of text it covers, edits].
 */
function longestPart(text: string, quote: string, hint: ContextHint): [number, number, number] | null {
  const readings = partReadings(text, quote, hint.edge, !hint.forward, Math.floor(quote.length * NEARLY_INTACT));
  for (let i = readings.length - 1; i > 0; i--) {
    const [errors, covered] = readings[i] as [number, number];
    if (nearlyIntact(errors, i)) return [i, covered, errors];
  }
  return null;
}

/**
 * What a cut left of the passage, read from the edge of the side of context
 * that `hint` found: its longest part there (at least `needed` characters),
 * nearly intact, as a raw match whose edits count the part's own and the
 * quote it lacks. `alone` says the side stands once by itself; when it
 * stands once only together with the part next to it, nearly the whole
 * quote read beside it with its other side unrelated text (more than half
 * of it edited) is how a sibling sentence next to the deleted passage
 * reads, and is refused.
 */
function cutFrom(text: string, pq: PreparedQuote, hint: ContextHint | undefined, needed: number, alone: boolean): RawMatch | null {
  if (!hint || seamWithin(text, pq, hint.edge, SEAM_SLACK)) return null;
  const quote = pq.nExact;
  const part = longestPart(text, quote, hint);
  if (!part || part[0] < needed) return null;
  const [kept, covered, errors] = part;
  const raw = hint.forward ? { start: hint.edge, end: hint.edge + covered, errors: errors + quote.length - kept } : { start: hint.edge - covered, end: hint.edge, errors: errors + quote.length - kept };
  if (alone || kept < quote.length - Math.floor(quote.length * NEARLY_INTACT)) return raw;
  const other = hint.forward ? pq.nSuffix : pq.nPrefix;
  const otherErrors = hint.forward ? suffixErrors(text, raw.end, other) : prefixErrors(text, raw.start, other);
  return other.length >= MIN_SIDE && otherErrors <= other.length * UNRELATED_SIDE ? raw : null;
}

/**
 * What a cut left of the passage: a third of its quote or more, nearly
 * intact, reads right beside the one side of its context that stands once
 * in the text (contextHint), failing that beside a side that stands once
 * together with that part of the quote (partHint: a side edited too much
 * to stand alone, or one boilerplate shares). Refused when the passage's
 * context meets there or anywhere (it was deleted), when that part of the
 * quote reads elsewhere too (words a copy shares), or when the other half,
 * with its side of context, stands elsewhere (the passage lost this half
 * there instead).
 */
export function partBeside(norm: NormalizedText, pq: PreparedQuote): AnchorMatch | null {
  const text = norm.text;
  const quote = pq.nExact;
  const needed = Math.max(MIN_PART, Math.ceil(quote.length * PART_SHARE));
  if (quote.length < needed) return null;
  const index = textIndex(norm);
  if (seamAnywhere(index, pq, 0, text.length)) return null;
  let hint = contextHint(norm, pq);
  let raw = cutFrom(text, pq, hint, needed, true);
  if (!raw) {
    hint = partHint(norm, pq, needed);
    raw = cutFrom(text, pq, hint, needed, false);
  }
  if (!hint || !raw) return null;
  const found = raw;
  // The least share a survivor keeps, read elsewhere too, is words a copy shares: no trace of this passage more than of that copy.
  const words = hint.forward ? quote.slice(0, needed) : quote.slice(quote.length - needed);
  if (someCopy(index, words, Math.floor(words.length * NEARLY_INTACT), 0, text.length, found.start, (other) => overlapRatio(other, found) <= 0.5)) return null;
  const match = toMatch(norm, pq, evaluate(text, pq, found, undefined));
  return match && !otherHalfElsewhere(norm, pq, match) ? match : null;
}
