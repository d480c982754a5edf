/**
 * Re-anchoring all annotations of one article at once (the server does this
 * after the article's text changes).
 *
 * 1. Annotations whose position still holds the quote are kept as they are,
 *    if all of them do.
 * 2. Otherwise every exact occurrence of every quote is found in one pass, and
 *    the occurrences that form the best order-preserving chain with a steady
 *    shift (chain.ts) become anchors.
 * 3. Every other annotation is searched for between its two neighbouring
 *    anchors, with a hint corrected by their shift: a tight, cheap search,
 *    and one that cannot land on a repeated passage elsewhere in the article.
 */

import { searchApprox } from "./approx-search";
import { CandidateSet, overlapRatio } from "./candidates";
import { bestChain, type ChainOption } from "./chain";
import { findAllExact } from "./exact-index";
import { seamWithin } from "./frame";
import { locate, toMatch } from "./match-quote";
import { normalizeText, toNormOffset, type NormalizedText } from "./normalize";
import { positionHolds } from "./anchor";
import { prepareQuote, type PreparedQuote } from "./prepare-quote";
import { contextScore } from "./similarity";
import type { AnchorItem, AnchorMatch, QuoteQuery } from "./types";

/** Placed for certain; the others are searched for between two of them. */
type Anchor = ChainOption;

/** A quote occurring more often than this is too common to anchor anything. */
const MAX_OCCURRENCES = 16;
/** Two occurrences of one quote this close are not told apart by the chain. */
const TOO_CLOSE = 128;
/** A chained occurrence this far from where its neighbours put it is checked. */
const OFF_EXPECTED = 32;
/** How far from the expected place a chained occurrence's rival is looked for. */
const VERSION_REACH = 1024;
/** Leeway at the edges of a bracket for fuzzy match boundaries. */
const BRACKET_SLACK = 32;
const SPREAD_BASE = 64;
/** Between anchored neighbours the hint is accurate: one-sided context must be this near it. */
const ONE_SIDED_REACH = 32;

function shiftOf(a: Anchor): number {
  return a.newStart - a.oldStart;
}

function verifiedScore(text: string, quote: QuoteQuery, start: number, end: number): number {
  const ctx = contextScore(text, start, end, quote.prefix ?? "", quote.suffix ?? "");
  if (ctx.similarity === null) return 1;
  return Math.round((0.7 + 0.3 * ctx.similarity) * 1000) / 1000;
}

/** The exact occurrences of a quote that its context does not rule out. */
function options(norm: NormalizedText, pq: PreparedQuote, item: number, oldStart: number, oldEnd: number, starts: readonly number[]): ChainOption[] {
  if (starts.length === 0 || starts.length >= MAX_OCCURRENCES) return [];
  const set = new CandidateSet(norm.text, pq, undefined);
  set.add(starts.map((start) => ({ start, end: start + pq.nExact.length, errors: 0 })));
  // An occurrence with one side of context rewritten may be a similar
  // sentence next to a deleted passage; only a search around the place the
  // neighbours give may accept it.
  const plausible = set.items.filter((c) => c.plausible && !c.oneSided);
  const out: ChainOption[] = [];
  for (const c of plausible) {
    const match = toMatch(norm, pq, c);
    // A quote found in several places says little about which is right: in
    // repetitive text, a chain through copies one period away must not
    // outweigh the chain through the unique passages around them.
    const weight = (c.confident ? 1 : 0.5) / plausible.length;
    if (match) out.push({ item, oldStart, oldEnd, newStart: match.start, weight, match });
  }
  return out;
}

/** Where the shifts of two neighbours put a passage that started at `oldStart`. */
function expectedStart(prev: Anchor | undefined, next: Anchor | undefined, oldStart: number): number | undefined {
  if (!prev || !next) return undefined;
  const prevShift = prev.newStart - prev.oldStart;
  const nextShift = next.newStart - next.oldStart;
  const t = next.oldStart > prev.oldStart ? (oldStart - prev.oldStart) / (next.oldStart - prev.oldStart) : 0;
  return oldStart + Math.round(prevShift + t * (nextShift - prevShift));
}

/**
 * Whether a plausible version of the quote sits where the neighbours' shift
 * puts it, `off` characters from the occurrence the chain chose: then that
 * occurrence is a near copy (a similar sentence a paragraph away) and the
 * edited original is the real one.
 */
function versionAt(norm: NormalizedText, pq: PreparedQuote, expected: number, off: number, match: AnchorMatch): boolean {
  const hint = toNormOffset(norm, expected);
  const own = { start: toNormOffset(norm, match.start), end: toNormOffset(norm, match.end), errors: 0 };
  const reach = Math.min(off, VERSION_REACH);
  const set = new CandidateSet(norm.text, pq, hint);
  set.add(searchApprox(norm.text, pq.nExact, hint - reach, hint + pq.nExact.length + reach, 1));
  return set.items.some((c) => c.plausible && c.distance < off && overlapRatio(c, own) <= 0.5);
}

/** Last index whose oldStart <= value, or -1. */
function lastAtOrBefore(anchors: readonly Anchor[], value: number): number {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((anchors[mid] as Anchor).oldStart <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function findAnchors(norm: NormalizedText, prepared: readonly (PreparedQuote | null)[], order: readonly { index: number; start: number; end: number }[]): Anchor[] {
  const usable = order.filter(({ index }) => prepared[index]);
  const occurrences = findAllExact(
    norm.text,
    usable.map(({ index }) => (prepared[index] as PreparedQuote).nExact),
    MAX_OCCURRENCES,
  );
  const groups = usable.map(({ index, start, end }, k) => options(norm, prepared[index] as PreparedQuote, index, start, end, occurrences[k] ?? []));
  const byItem = new Map(groups.filter((g) => g.length > 0).map((g) => [(g[0] as ChainOption).item, g]));
  const chain = bestChain(groups);
  return chain.filter((chosen, i) => {
    // Two occurrences near each other fit the chain equally well: a guess.
    const group = byItem.get(chosen.item) ?? [];
    if (group.some((o) => o !== chosen && Math.abs(o.newStart - chosen.newStart) <= TOO_CLOSE)) return false;
    const expected = expectedStart(chain[i - 1], chain[i + 1], chosen.oldStart);
    if (expected === undefined) return true;
    const off = Math.abs(chosen.newStart - expected);
    if (off <= OFF_EXPECTED) return true;
    const pq = prepared[chosen.item] as PreparedQuote;
    // Where the neighbours put it, the passage may be edited (a plausible
    // version there) or deleted (its context closing over the gap).
    const prev = chain[i - 1] as Anchor;
    const next = chain[i + 1] as Anchor;
    const bracket = Math.max(chosen.newStart - prev.newStart, next.newStart - chosen.newStart, off);
    return !versionAt(norm, pq, expected, off, chosen.match) && !seamWithin(norm.text, pq, toNormOffset(norm, expected), bracket);
  });
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
  const prepared = items.map((item) => prepareQuote(item.quote));

  const norm = normalizeText(text);
  const order = items
    .map((item, index) => ({ index, start: item.position?.start, end: item.position?.end ?? item.position?.start }))
    .filter((e): e is { index: number; start: number; end: number } => e.start !== undefined && Number.isFinite(e.start) && Number.isFinite(e.end))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const anchors = findAnchors(norm, prepared, order);
  const anchored = new Set<number>();
  for (const a of anchors) {
    results[a.item] = a.match;
    anchored.add(a.item);
  }

  for (let index = 0; index < items.length; index++) {
    const pq = prepared[index];
    if (!pq || anchored.has(index)) continue;
    const oldStart = items[index]?.position?.start;
    if (oldStart === undefined || !Number.isFinite(oldStart)) {
      results[index] = locate(norm, pq);
      continue;
    }
    const i = lastAtOrBefore(anchors, oldStart);
    const prev = anchors[i];
    const next = anchors[i + 1];
    const oldEnd = items[index]?.position?.end ?? oldStart;
    const slack = BRACKET_SLACK + Math.floor(pq.nExact.length / 4);
    // Text is not reordered: a passage that began after an anchored one ended
    // (or ended before the next one began) still does, so the search stays
    // out of the anchored passages' own text.
    const loBound = prev ? (prev.oldEnd <= oldStart ? prev.match.end : prev.newStart) : 0;
    const hiBound = next ? (next.oldStart >= oldEnd ? next.newStart : next.match.end + pq.nExact.length) : text.length;
    let lo = prev ? toNormOffset(norm, loBound) - BRACKET_SLACK : 0;
    let hi = next ? toNormOffset(norm, hiBound) + BRACKET_SLACK : norm.text.length;
    let hint = oldStart + (prev || next ? shiftOf((prev ?? next) as Anchor) : 0);
    if (prev && next) {
      hint = expectedStart(prev, next, oldStart) as number;
      // Between two anchors the passage is off the interpolated place by at
      // most the change of shift between them plus the drift of the edits.
      const spread = Math.ceil(Math.abs(shiftOf(next) - shiftOf(prev)) + SPREAD_BASE + 0.1 * (next.oldStart - prev.oldStart));
      const h = toNormOffset(norm, hint);
      lo = Math.max(lo, h - spread);
      hi = Math.min(hi, h + pq.nExact.length + slack + spread);
    }
    results[index] = locate(norm, pq, {
      hint,
      lo,
      hi,
      // Edits do not reorder text: with anchors on both sides, anywhere else is
      // another passage that happens to read the same.
      global: !(prev && next),
      oneSidedReach: ONE_SIDED_REACH,
    });
  }
  return results;
}
