/**
 * A passage moves with its surroundings: when anchorAll found nothing for an
 * annotation between its landmarks, the annotations that stood right next
 * to it in the old text and were placed say where its stretch went (their
 * shift). Such a neighbour is a landmark the ordered ones (landmarks.ts)
 * drop, because a move takes it out of their order.
 *
 * The passage is looked for right where each neighbour's shift puts it, as
 * with an accurate old position; it is taken only there, and only when
 * every shift that finds it finds the same place (neighbours that went
 * different ways leave nothing to choose by).
 */

import { AT_HINT } from "./candidates";
import { locateOutcome } from "./match-quote";
import { toNormOffset, type NormalizedText } from "./normalize";
import type { PreparedQuote } from "./prepare-quote";
import type { AnchorMatch } from "./types";

/** Annotations whose old starts lie this close are neighbours that move together. */
const NEIGHBOUR_REACH = 128;
/** How far either side of where a shift puts the passage it is searched for. */
const SEARCH_REACH = 64;

export interface Located {
  pq: PreparedQuote | null;
  /** The old start, or undefined without a position. */
  old: number | undefined;
  match: AnchorMatch | null;
}

/** The shifts (new start less old start) of the placed neighbours of `items[i]`; `byOld` lists indexes by old start. */
function neighbourShifts(items: readonly Located[], byOld: readonly number[], at: number): Set<number> {
  const old = items[byOld[at] as number]?.old as number;
  const shifts = new Set<number>();
  for (const dir of [-1, 1]) {
    for (let k = at + dir; k >= 0 && k < byOld.length; k += dir) {
      const other = items[byOld[k] as number] as Located;
      if (Math.abs((other.old as number) - old) > NEIGHBOUR_REACH) break;
      if (other.match) shifts.add(other.match.start - (other.old as number));
    }
  }
  return shifts;
}

/**
 * The passage looked for right where each of `starts` (offsets in `norm`'s
 * source) puts it, as with an accurate old position: taken only there, and
 * only when every start that finds it finds the same place and none finds
 * it refused (a copy nothing tells apart, or the passage deleted).
 */
function placeAtHints(norm: NormalizedText, pq: PreparedQuote, starts: readonly number[], oneSidedReach: number): AnchorMatch | null {
  let place: AnchorMatch | null = null;
  for (const start of starts) {
    const hint = toNormOffset(norm, start);
    const match = locateOutcome(norm, pq, { hint, lo: hint - SEARCH_REACH, hi: hint + pq.nExact.length + SEARCH_REACH, global: false, oneSidedReach });
    if (match === "refused") return null;
    if (!match || Math.abs(toNormOffset(norm, match.start) - hint) > AT_HINT) continue;
    if (place && place.start !== match.start) return null;
    place = match;
  }
  return place;
}

/**
 * Places, where they can, the items with a position that are still null,
 * from their placed neighbours' shifts. Mutates `items[i].match`.
 * `oneSidedReach`: how near the hint one-sided context is accepted (as
 * between landmarks: see `evaluate` in candidates.ts).
 */
export function placeByNeighbours(norm: NormalizedText, items: Located[], oneSidedReach: number): void {
  const byOld = items.flatMap((item, i) => (item.old === undefined ? [] : [i])).sort((a, b) => (items[a]?.old as number) - (items[b]?.old as number));
  const found: [number, AnchorMatch][] = [];
  byOld.forEach((i, at) => {
    const item = items[i] as Located;
    if (item.match || !item.pq) return;
    const old = item.old as number;
    const place = placeAtHints(norm, item.pq, [...neighbourShifts(items, byOld, at)].map((shift) => old + shift), oneSidedReach);
    if (place) found.push([i, place]);
  });
  // Placed only now, so that no item is placed from another placed this way.
  for (const [i, match] of found) (items[i] as Located).match = match;
}
