/**
 * Re-anchoring all annotations of one article at once (the server does this
 * after the article's text changes).
 *
 * 1. Annotations whose position still holds the quote are kept as they are,
 *    if all of them do.
 * 2. Otherwise the fragments of old text the annotations carry (prefix,
 *    quote, suffix) are located through landmarks: pieces of them that occur
 *    once in the new text, kept in order (landmarks.ts).
 * 3. Each annotation is searched for between the landmarks on either side of
 *    it, with a hint from the nearest one: a tight, cheap search, and one
 *    that cannot land on a repeated passage elsewhere in the article.
 */

import { LANDMARK, TEXT_START, findLandmarks, type Landmark } from "./landmarks";
import { searchApprox, type RawMatch } from "./approx-search";
import { AMBIGUOUS_MAX_DISTANCE, overlapRatio, toMatch, type Candidate } from "./candidates";
import { someCopy } from "./copies";
import { copyInOwnContext } from "./elsewhere";
import { sideErrors } from "./frame";
import { halfAnywhere } from "./cut-passage";
import { interruptedPassage } from "./interrupted";
import { contextHint, readingBeside } from "./context-hint";
import { locate, locateOutcome, locateVerbatim, locateWithoutPosition } from "./match-quote";
import { foldWithOffsets, normalizeText, toNormOffset, toOrigRange, type NormalizedText } from "./normalize";
import { positionHolds } from "./position-holds";
import { prepareQuote, type PreparedQuote } from "./prepare-quote";
import { contextScore } from "./similarity";
import type { AnchorItem, AnchorMatch, QuoteQuery } from "./types";
import { clearlyBestFrame, partBeside } from "./unpositioned";
import { placeByNeighbours } from "./co-moved";
import { placeMovedTogether } from "./moved-together";
import { textIndex } from "./text-index";
import { verbatimPlace } from "./verbatim";

/** Leeway at the edges of a bracket for fuzzy match boundaries. */
const BRACKET_SLACK = 32;
/** How far a placement may pull the text between its landmarks both ways: some characters, plus a share of the stretch. */
const DETOUR_BASE = 32;
const DETOUR_RATE = 0.1;
/** Between landmarks the hint is accurate: one-sided context must be this near it. */
const ONE_SIDED_REACH = 32;
/** Both sides of context at least this long must have moved with a passage for the move to be recognised. */
const MIN_MOVED_SIDE = 16;

function verifiedScore(text: string, quote: QuoteQuery, start: number, end: number): number {
  const ctx = contextScore(text, start, end, quote.prefix ?? "", quote.suffix ?? "");
  if (ctx.similarity === null) return 1;
  return Math.round((0.7 + 0.3 * ctx.similarity) * 1000) / 1000;
}

/** Index of the first landmark whose old offset is at least `old`. */
function firstFrom(landmarks: readonly Landmark[], old: number): number {
  let lo = 0;
  let hi = landmarks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((landmarks[mid] as Landmark).old < old) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far a side of context may stand from the passage's edge and still be its own. */
const OWN_SIDE_SLACK = 8;

/**
 * Whether a side of the passage's context, nearly intact, stands within
 * [from, to) other than right next to `place` (normalized offsets): what a
 * deletion leaves where the passage was (a seam, or the side a neighbour's
 * deletion spared), so that `place` is a copy of it.
 */
function contextLeftBehind(text: string, pq: PreparedQuote, place: RawMatch, from: number, to: number): boolean {
  const { nPrefix, nSuffix } = pq;
  if (searchApprox(text, nPrefix, from - nPrefix.length, to, sideErrors(nPrefix.length)).some((p) => Math.abs(p.end - place.start) > OWN_SIDE_SLACK)) return true;
  return searchApprox(text, nSuffix, from, to + nSuffix.length, sideErrors(nSuffix.length)).some((s) => Math.abs(s.start - place.end) > OWN_SIDE_SLACK);
}

/**
 * The one place in the whole text where the passage's quote stands word for
 * word between both sides of its context word for word (and the quote
 * nowhere else, word for word or edited in context like its own), with no
 * side of that context left behind in [from, to) — the stretch where the
 * passage was. That is the passage, whatever moved around it: a deleted
 * passage leaves its context behind, so a copy of it elsewhere is not taken
 * for it.
 */
function soleVerbatim(norm: NormalizedText, pq: PreparedQuote, from: number, to: number): Candidate | null {
  if (pq.nPrefix.length < MIN_MOVED_SIDE || pq.nSuffix.length < MIN_MOVED_SIDE) return null;
  const found = verbatimPlace(norm, pq, undefined);
  if (!found || found.contextErrors > 0 || contextLeftBehind(norm.text, pq, found, from, to) || copyInOwnContext(norm, pq, found)) return null;
  return found;
}

/**
 * A passage moved elsewhere together with its surroundings: nothing of it is
 * left where it was (the caller found nothing reading like it between the
 * landmarks, and no side of its context is there), and it stands word for
 * word with its context in one place of the whole text.
 */
function movedWithContext(norm: NormalizedText, pq: PreparedQuote, lo: number, hi: number): AnchorMatch | null {
  const found = soleVerbatim(norm, pq, lo, hi);
  return found && toMatch(norm, pq, found);
}

/** How far beyond its landmarks what a move left of a passage may stand. */
const SPLIT_REACH = 2_048;
/** Edits tolerated in what a move left behind, with its side of context. */
const LEFT_ERROR_RATE = 0.1;

/**
 * A passage a move split: half its quote or more, with the side of context
 * next to it, stands once in the whole text (halfAnywhere), however far
 * away the move took it; and the rest of the quote, with its other side,
 * stands nearly intact where the passage was (within SPLIT_REACH of
 * [lo, hi)). A passage deleted there, or edited, leaves no such rest, and
 * half of a copy elsewhere is then only a copy.
 */
function splitByMove(norm: NormalizedText, pq: PreparedQuote, lo: number, hi: number): AnchorMatch | null {
  // The rest, standing with its side of context, is what halfAnywhere would
  // otherwise take for the passage itself left elsewhere: here it is asked for.
  const half = halfAnywhere(norm, pq, true);
  if (!half) return null;
  const text = norm.text;
  const start = toNormOffset(norm, half.start);
  const kept = toNormOffset(norm, half.end) - start;
  const quote = pq.nExact;
  if (kept >= quote.length) return null;
  const isHead = text.startsWith(quote.slice(0, kept), start);
  const rest = isHead ? quote.slice(kept) + pq.nSuffix : pq.nPrefix + quote.slice(0, quote.length - kept);
  const left = searchApprox(text, rest, Math.max(0, lo - SPLIT_REACH), Math.min(text.length, hi + SPLIT_REACH), Math.floor(rest.length * LEFT_ERROR_RATE));
  if (left.length === 0) return null;
  // The half with its side of context standing elsewhere too, nearly intact
  // (repeated boilerplate), is no trace of this passage more than of that copy.
  const moved = isHead ? pq.nPrefix + quote.slice(0, kept) : quote.slice(quote.length - kept) + pq.nSuffix;
  const at = isHead ? start - pq.nPrefix.length : start;
  const own = { start: at, end: at + moved.length, errors: 0 };
  return someCopy(textIndex(norm), moved, Math.floor(moved.length * LEFT_ERROR_RATE), 0, text.length, at, (other) => overlapRatio(other, own) <= 0.5) ? null : half;
}

/**
 * The passage read right beside a side of its context that stands once in
 * the text (context-hint.ts, readingBeside), when that side stands between
 * the landmarks: its quote edited by up to a quarter and its other side
 * rewritten, which the search between the landmarks takes for a sibling
 * sentence's signature.
 */
function besideItsContext(norm: NormalizedText, pq: PreparedQuote, lo: number, hi: number): AnchorMatch | null {
  const told = contextHint(norm, pq);
  return told && told.edge >= lo && told.edge <= hi ? readingBeside(norm, pq, told) : null;
}

/**
 * What a cut left of the passage (unpositioned.ts, partBeside) — a third of
 * its quote or more, nearly intact, beside the side of its context that
 * stands once in the text — when it stands between the landmarks: nothing
 * there reads as the whole quote any more.
 */
function partBetween(norm: NormalizedText, pq: PreparedQuote, lo: number, hi: number): AnchorMatch | null {
  const found = partBeside(norm, pq);
  if (!found) return null;
  const at = toNormOffset(norm, found.start);
  return at >= lo && at <= hi ? found : null;
}

interface Bracket {
  prev: Landmark;
  next: Landmark | undefined;
  /** The first landmark after `prev`: inside the passage's fragment, if any is. */
  inner: Landmark | undefined;
  /** Where the passage may be now (normalized offsets), as the landmarks say. */
  lo: number;
  hi: number;
}

/** The landmarks either side of a passage that was at [old, oldEnd) in the old text. */
function bracketOf(norm: NormalizedText, landmarks: readonly Landmark[], old: number, oldEnd: number): Bracket {
  const afterPrev = firstFrom(landmarks, old - LANDMARK + 1);
  const prev = landmarks[afterPrev - 1] ?? TEXT_START;
  const next = landmarks[firstFrom(landmarks, oldEnd)];
  return { prev, next, inner: landmarks[afterPrev], lo: Math.max(0, prev.now + LANDMARK - BRACKET_SLACK), hi: next ? next.now + BRACKET_SLACK : norm.text.length };
}

/**
 * A passage that was at [old, oldEnd) in the old text, between the landmarks
 * before and after it (readBetween), failing that interrupted there by
 * something a move dropped into it (interrupted.ts).
 */
function placeBetween(norm: NormalizedText, pq: PreparedQuote, old: number, oldEnd: number, landmarks: readonly Landmark[]): AnchorMatch | null {
  const bracket = bracketOf(norm, landmarks, old, oldEnd);
  return readBetween(norm, pq, old, oldEnd, bracket) ?? interruptedPassage(norm, pq, bracket.lo, bracket.hi);
}

/** Searches for a quote that was at [old, oldEnd) in the old text between its landmarks, with a hint from the nearest one. */
function readBetween(norm: NormalizedText, pq: PreparedQuote, old: number, oldEnd: number, { prev, next, inner, lo, hi }: Bracket): AnchorMatch | null {
  // The nearest landmark's shift carries the old start over.
  let nearest: Landmark | undefined;
  if (inner && inner.old + LANDMARK <= oldEnd) nearest = inner;
  else if (prev !== TEXT_START && (!next || old - prev.old <= next.old - oldEnd)) nearest = prev;
  else nearest = next;
  const hint = toNormOffset(norm, nearest ? old + nearest.source - nearest.old : old);
  const match = locateOutcome(norm, pq, {
    hint,
    lo,
    hi,
    // Edits do not reorder text: with landmarks on both sides (the text's
    // start is one), anywhere else is another passage that reads the same.
    global: !next,
    oneSidedReach: ONE_SIDED_REACH,
  });
  // Nothing between the landmarks reads like the passage: it may have moved
  // elsewhere, with its surroundings (which are then out of the landmarks'
  // order). Searched for as one annotation alone would be, failing that as
  // a passage a move split, and then beside the one side of its context
  // that still stands between the landmarks, whole or what a cut left.
  if (match === null && next) return movedWithContext(norm, pq, lo, hi) ?? locate(norm, pq, { hint }) ?? locateVerbatim(norm, pq, hint) ?? splitByMove(norm, pq, lo, hi) ?? besideItsContext(norm, pq, lo, hi) ?? partBetween(norm, pq, lo, hi);
  if (match === "refused") return null;
  if (!match || !next) return match;
  // The text between the landmarks may have grown or shrunk, but placing the
  // passage here must not need it to grow on one side and shrink on the
  // other by more than scattered edits do: that is a look-alike elsewhere in
  // the stretch (the passage itself was deleted or rewritten beyond reach).
  // What is left of a passage whose head was cut or overwritten, the rest
  // of its quote word for word, keeps its old end, not its old start.
  const before = prev.source - prev.old;
  const after = next.source - next.old;
  const detourOf = (shift: number): number => Math.abs(shift - before) + Math.abs(after - shift) - Math.abs(after - before);
  const tail = match.end - match.start < pq.exact.length && pq.exact.endsWith(norm.source.slice(match.start, match.end));
  const detour = tail ? detourOf(match.end - oldEnd) : detourOf(match.start - old);
  if (detour <= DETOUR_BASE + DETOUR_RATE * (next.old - prev.old)) return match;
  // Unless the passage stands there, near the hint, word for word with its
  // context, and nowhere else: then passages moved out of the stretch and
  // into it (a deleted one would have left its context between the hint and
  // here; a copy farther off was one before the revision too).
  const start = toNormOffset(norm, match.start);
  if (Math.abs(start - hint) > AMBIGUOUS_MAX_DISTANCE) return null;
  const sole = soleVerbatim(norm, pq, Math.min(hint, start) - OWN_SIDE_SLACK, Math.max(hint, toNormOffset(norm, match.end)) + OWN_SIDE_SLACK);
  if (sole && toOrigRange(norm, sole.start, sole.end)[0] === match.start) return match;
  // Nor when its quote alone stands there word for word, long enough not to
  // recur by chance, and nowhere else even edited, with no sign that the
  // passage was deleted (locateVerbatim): what is taken anywhere when nothing
  // between the landmarks reads like the passage is taken here too, though
  // moves around it (one cutting into its context) pulled the stretch both ways.
  const verbatim = locateVerbatim(norm, pq, hint);
  return verbatim && verbatim.start === match.start ? match : null;
}

/** An item without a position (an import): what one annotation alone would find, failing that the rules of unpositioned.ts. */
function placeWithoutPosition(norm: NormalizedText, pq: PreparedQuote): AnchorMatch | null {
  return locateWithoutPosition(norm, pq) ?? clearlyBestFrame(norm, pq) ?? partBeside(norm, pq);
}

/**
 * Locates every item in `text`; `position`s refer to the text the items were
 * made on. Returns one match or null (orphan) per item, in the same order.
 */
export function anchorAll(text: string, items: readonly AnchorItem[]): (AnchorMatch | null)[] {
  const results: (AnchorMatch | null)[] = items.map(() => null);
  let allHold = true;
  items.forEach((item, index) => {
    const position = item.position;
    if (allHold && position && item.quote.exact && positionHolds(text, item.quote, position)) {
      results[index] = { start: position.start, end: position.end, score: verifiedScore(text, item.quote, position.start, position.end) };
    } else {
      allHold = false;
    }
  });
  if (allHold) return results;
  results.fill(null);

  const norm = normalizeText(text);
  const prepared = items.map((item) => prepareQuote(item.quote));
  const oldStart = items.map((item) => {
    const start = item.position?.start;
    return start !== undefined && Number.isFinite(start) ? start : undefined;
  });
  const fragments = prepared.flatMap((pq, i) => {
    const start = oldStart[i];
    return pq && start !== undefined ? [{ old: start - pq.prefix.length, text: foldWithOffsets(pq.prefix + pq.exact + pq.suffix) }] : [];
  });
  const landmarks = findLandmarks(norm, fragments);
  const oldEnd = (i: number, start: number, pq: PreparedQuote): number => {
    const end = items[i]?.position?.end;
    return end !== undefined && end >= start ? end : start + pq.exact.length;
  };
  prepared.forEach((pq, i) => {
    if (!pq) return;
    const start = oldStart[i];
    results[i] = start === undefined ? placeWithoutPosition(norm, pq) : placeBetween(norm, pq, start, oldEnd(i, start, pq), landmarks);
  });
  if (!results.includes(null)) return results;
  // What is still an orphan may have gone where its neighbours went: with
  // them, word for word, at one shift, or where a placed neighbour's shift puts it.
  const spans = prepared.map((pq, i) => {
    const start = oldStart[i];
    if (!pq || start === undefined || results[i]) return null;
    const end = oldEnd(i, start, pq);
    const { lo, hi } = bracketOf(norm, landmarks, start, end);
    return { start, end, lo, hi };
  });
  placeMovedTogether(norm, prepared, spans, results);
  const located = prepared.map((pq, i) => ({ pq, old: oldStart[i], match: results[i] ?? null }));
  placeByNeighbours(norm, located, ONE_SIDED_REACH);
  return located.map((item) => item.match);
}
