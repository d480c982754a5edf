/**
 * How often every landmark-long piece of a text occurs, built once per text.
 *
 * Finding landmarks asks, for tens of thousands of 16-character pieces of
 * the annotations' old text, whether each occurs exactly once in the new
 * text. The text index answers from the bucket of the piece's first eight
 * characters, and a common start ("of the a") sends it through every place
 * that shares it; a table of the 16-character pieces themselves answers
 * most pieces, those found at most once, with one lookup.
 */

import type { NormalizedText } from "./normalize";
import { occurrencesOf, textIndex, type TextIndex } from "./text-index";

const BASE = 0x01000193;

export interface PieceCounts {
  readonly index: TextIndex;
  readonly length: number;
  /** Open addressing by hash: the hash, how many places have it (0: empty slot), and the first of them. */
  readonly hashes: Int32Array;
  readonly counts: Int32Array;
  readonly first: Int32Array;
  readonly mask: number;
}

function hashOf(s: string, at: number, length: number): number {
  let h = 0;
  for (let i = 0; i < length; i++) h = (Math.imul(h, BASE) + s.charCodeAt(at + i)) | 0;
  return h;
}

/** The slot holding `hash`, or the empty one where it would go. */
function slotOf(table: Pick<PieceCounts, "hashes" | "counts" | "mask">, hash: number): number {
  let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & table.mask;
  while (table.counts[slot] !== 0 && table.hashes[slot] !== hash) slot = (slot + 1) & table.mask;
  return slot;
}

function build(index: TextIndex, length: number): PieceCounts {
  const text = index.text;
  const n = Math.max(0, text.length - length + 1);
  let size = 1024;
  while (size < 2 * n) size *= 2;
  const table = { index, length, hashes: new Int32Array(size), counts: new Int32Array(size), first: new Int32Array(size), mask: size - 1 };
  // BASE^(length-1): the weight of the character leaving the window.
  let outgoing = 1;
  for (let i = 1; i < length; i++) outgoing = Math.imul(outgoing, BASE);
  let h = n > 0 ? hashOf(text, 0, length) : 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) h = (Math.imul((h - Math.imul(text.charCodeAt(i - 1), outgoing)) | 0, BASE) + text.charCodeAt(i + length - 1)) | 0;
    const slot = slotOf(table, h);
    if (table.counts[slot] === 0) {
      table.hashes[slot] = h;
      table.first[slot] = i;
    }
    table.counts[slot] = (table.counts[slot] as number) + 1;
  }
  return table;
}

const cache = new WeakMap<NormalizedText, PieceCounts>();

/** The counts of the `length`-character pieces of the text (one length per text is kept). */
export function pieceCounts(norm: NormalizedText, length: number): PieceCounts {
  let entry = cache.get(norm);
  if (!entry || entry.length !== length) {
    entry = build(textIndex(norm), length);
    cache.set(norm, entry);
  }
  return entry;
}

/**
 * `occurrencesOf` for a piece of the table's length: start positions of
 * `source.slice(at, at + length)` lying within [from, to), ascending, at
 * most `limit`. A piece no place or one place of the text hashes to is
 * answered from the table.
 */
export function pieceOccurrences(table: PieceCounts, source: string, at: number, limit: number, from = 0, to = Infinity): number[] {
  const { index, length } = table;
  const slot = slotOf(table, hashOf(source, at, length));
  const count = table.counts[slot] as number;
  if (count > 1) return occurrencesOf(index, source, at, length, limit, from, to);
  if (count === 0 || limit < 1) return [];
  const pos = table.first[slot] as number;
  return standsAt(table, source, at, pos, from, to) ? [pos] : [];
}

/** Whether the piece of `source` at `at` stands at `pos` of the text, within [from, to). */
function standsAt(table: PieceCounts, source: string, at: number, pos: number, from: number, to: number): boolean {
  const { index, length } = table;
  const text = index.text;
  if (pos < from || pos > Math.min(to, text.length) - length) return false;
  for (let i = 0; i < length; i++) if (text.charCodeAt(pos + i) !== source.charCodeAt(at + i)) return false;
  return true;
}

/** The one place of `source.slice(at, at + length)` within [from, to), or -1 when there is none or more than one. */
export function uniquePlace(table: PieceCounts, source: string, at: number, from = 0, to = Infinity): number {
  const { index, length } = table;
  const slot = slotOf(table, hashOf(source, at, length));
  const count = table.counts[slot] as number;
  if (count > 1) {
    const places = occurrencesOf(index, source, at, length, 2, from, to);
    return places.length === 1 ? (places[0] as number) : -1;
  }
  return count === 1 && standsAt(table, source, at, table.first[slot] as number, from, to) ? (table.first[slot] as number) : -1;
}
