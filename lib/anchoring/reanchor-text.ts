/**
 * The front door for moving annotations onto a new version of a text, and
 * for placing annotations made elsewhere (imported): one engine, whatever
 * the caller (the server after an article changed, an import, the reader).
 *
 * reanchorText:
 * 1. Each position is carried through a diff of the old and new text. It is
 *    kept when the quote lies in an unchanged stretch that is long (or the
 *    texts' common start or end), or whose context still agrees: a short
 *    stretch can be a chance likeness inside a rewritten sentence.
 * 2. Everything else goes to `anchorAll`, which searches for the quote near
 *    where the diff puts it, bracketed by the annotations step 1 placed.
 * 3. What neither places is an orphan (null): shown apart, never stuck on a
 *    look-alike passage.
 *
 * A placed annotation comes back with selectors that describe the new text
 * (exact = the text now highlighted, prefix and suffix taken afresh), so
 * every client can verify the position against its quote.
 */

import { anchorAll } from "./anchor-all";
import { positionHolds } from "./position-holds";
import { describeTextRange } from "./describe";
import { createTextOffsetMap } from "./map-text-offsets";
import type { AnchorItem, AnnotationSelectors, TextOffsets } from "./types";

/** Fresh selectors on `text` for each placement; null stays null. */
function described(text: string, placements: readonly (TextOffsets | null)[]): (AnnotationSelectors | null)[] {
  return placements.map((p) => (p ? describeTextRange(text, p.start, p.end) : null));
}

/**
 * Where each item (selectors made on `oldText`; a missing position means the
 * item was already an orphan) stands in `newText`: fresh selectors, or null.
 */
export function reanchorText(oldText: string, newText: string, items: readonly AnchorItem[]): (AnnotationSelectors | null)[] {
  if (items.length === 0) return [];
  const offsetMap = oldText === newText ? null : createTextOffsetMap({ oldText, newText });
  const placedByDiff: (TextOffsets | null)[] = [];
  const moved: AnchorItem[] = items.map(({ quote, position }) => {
    if (!position) {
      placedByDiff.push(null);
      return { quote };
    }
    const mapped = offsetMap ? offsetMap.mapRange(position.start, position.end) : { start: position.start, intact: true, reliable: false };
    const now = { start: mapped.start, end: mapped.start + (position.end - position.start) };
    const kept = mapped.reliable || (mapped.intact && positionHolds(newText, quote, now));
    placedByDiff.push(kept ? now : null);
    // Positions handed to anchorAll are already in new-text coordinates: the
    // diff has done the drift correction its hints would otherwise guess.
    return { quote, position: now };
  });
  const matches = placedByDiff.includes(null) ? anchorAll(newText, moved) : [];
  return described(newText, placedByDiff.map((p, i) => p ?? matches[i] ?? null));
}

/**
 * Places annotations made elsewhere (W3C selectors: a quote with its
 * context, maybe a position in some version of this text) in `text`:
 * fresh selectors, or null where nothing is convincingly the passage.
 */
export function anchorImported(text: string, items: readonly AnchorItem[]): (AnnotationSelectors | null)[] {
  return described(text, anchorAll(text, items));
}
