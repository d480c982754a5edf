import DiffMatchPatch from "diff-match-patch";

const { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT } = DiffMatchPatch;

/**
 * Follows ranges of an old text into a new version of it, through a
 * character diff. A range is intact if it lies inside one stretch the diff
 * found unchanged: then the same characters exist in the new text and the
 * diff says exactly where. Anything touched by an edit is left for the quote
 * matcher, with the diff's best guess as its hint.
 */

/** Beyond this the diff settles for a coarser (still correct) answer rather than stall a reseed. */
const DIFF_TIMEOUT_SECONDS = 2;
/**
 * An unchanged stretch this long (about a sentence) is the same passage, not a
 * chance likeness between rewritten sentences; neither is the texts' common
 * beginning or end.
 */
const RELIABLE_STRETCH_LENGTH = 64;

export interface MappedRange {
  /** Where the range's start falls in the new text (start of the edit if it was deleted). */
  start: number;
  end: number;
  /** True when the whole range lies in one stretch the diff found unchanged. */
  intact: boolean;
  /** True when that stretch is also too long, or too firmly placed, to be a coincidence. */
  reliable: boolean;
}

interface Segment {
  op: number;
  oldStart: number;
  newStart: number;
  length: number;
  reliable: boolean;
}

export interface TextOffsetMap {
  mapRange(start: number, end: number): MappedRange;
}

export function createTextOffsetMap({ oldText, newText }: { oldText: string; newText: string }): TextOffsetMap {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS;
  const diffs = dmp.diff_main(oldText, newText);
  // Without this, a rewritten sentence keeps stray one-letter "equalities"
  // ("the", a space) that would map a short quote onto different words.
  dmp.diff_cleanupSemantic(diffs);

  // Segments that consume old text (equal or deleted), in old-text order.
  const segments: Segment[] = [];
  let oldAt = 0;
  let newAt = 0;
  diffs.forEach(([op, chunk], index) => {
    if (op !== DIFF_INSERT) {
      const commonEdge = op === DIFF_EQUAL && (index === 0 || index === diffs.length - 1);
      const reliable = op === DIFF_EQUAL && (commonEdge || chunk.length >= RELIABLE_STRETCH_LENGTH);
      segments.push({ op, oldStart: oldAt, newStart: newAt, length: chunk.length, reliable });
      oldAt += chunk.length;
    }
    if (op !== DIFF_DELETE) newAt += chunk.length;
  });

  function segmentAt(index: number): Segment | undefined {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const segment = segments[mid] as Segment;
      if (index < segment.oldStart) hi = mid - 1;
      else if (index >= segment.oldStart + segment.length) lo = mid + 1;
      else return segment;
    }
    return undefined;
  }

  function mapIndex(segment: Segment | undefined, index: number): number {
    if (!segment) return newText.length;
    return segment.op === DIFF_EQUAL ? segment.newStart + (index - segment.oldStart) : segment.newStart;
  }

  return {
    mapRange(start, end) {
      const first = segmentAt(start);
      const last = end > start ? segmentAt(end - 1) : first;
      const mappedStart = mapIndex(first, start);
      const intact = first !== undefined && first === last && first.op === DIFF_EQUAL;
      return {
        start: mappedStart,
        end: intact ? mappedStart + (end - start) : Math.max(mappedStart, mapIndex(last, end - 1) + 1),
        intact,
        reliable: intact && first.reliable,
      };
    },
  };
}
