/**
 * How the quote's head (or tail) reads from an edge of the text: the one
 * table behind every rule that reads what is left of a passage beside a side
 * of its context (unpositioned.ts, interrupted.ts).
 */

/** Text read beyond the quote's length, for words inserted into it: this share of the quote. */
const INSERTED_SHARE = 0.1;

/**
 * For each i (from 0), the fewest edits between the quote's first i
 * characters (its last i, reading `backward` from `edge`) and the text read
 * from `edge`, its far end free, and how much of the text that takes:
 * [edits, covered]. One row of the edit-distance table per quote character;
 * the rows stop early once a part costs more than `maxErrors` edits (the
 * cost never falls as the part grows).
 */
export function partReadings(text: string, quote: string, edge: number, backward: boolean, maxErrors = Infinity): [number, number][] {
  const reach = Math.min(quote.length + Math.floor(quote.length * INSERTED_SHARE), backward ? edge : text.length - edge);
  const at = (n: number): number => (backward ? text.charCodeAt(edge - 1 - n) : text.charCodeAt(edge + n));
  const q = (i: number): number => (backward ? quote.charCodeAt(quote.length - 1 - i) : quote.charCodeAt(i));
  // row[j]: edits between the quote's first i characters and the text's first j (in reading order).
  let row = Array.from({ length: reach + 1 }, (_, j) => j);
  const out: [number, number][] = [[0, 0]];
  for (let i = 1; i <= quote.length; i++) {
    const next = [i];
    let bestJ = 0;
    for (let j = 1; j <= reach; j++) {
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (q(i - 1) === at(j - 1) ? 0 : 1));
      if ((next[j] as number) < (next[bestJ] as number)) bestJ = j;
    }
    row = next;
    out.push([row[bestJ] as number, bestJ]);
    if ((row[bestJ] as number) > maxErrors) break;
  }
  return out;
}
