/**
 * Seeded revisions of an annotated text — typos, words inserted and removed,
 * annotated passages deleted or moved elsewhere with their surroundings,
 * their context rewritten — with where every annotated passage is now: what
 * the randomized tests and the benchmark hold anchoring results against.
 */

import { CONTEXT_LENGTH } from "../describe";
import { applyEdits, applyMoves, composeEdits, mapRange, type EditedText, type TextEdit, type TextMove } from "./text-edits";

export interface Span {
  start: number;
  end: number;
}

export interface RevisionOptions {
  /** Share of the text changed by scattered typos and inserted or removed words. */
  editRate?: number;
  /** Share of the annotated passages deleted outright. */
  deleteRate?: number;
  /** Share of the annotated passages moved elsewhere, each with `moveContext` characters either side. */
  moveRate?: number;
  moveContext?: number;
  /** Share of the annotated passages whose surroundings (`rewriteLength` characters either side) are replaced by other text. */
  rewriteRate?: number;
  rewriteLength?: number;
  /** Share of the annotated passages (those of 10–30 characters) given a one-character typo fix inside. */
  typoRate?: number;
}

export interface Revision {
  text: string;
  /** Where each annotated passage is now; null when all of it is gone. */
  expected: (Span | null)[];
  /** The same, in pieces where a move took part of a passage elsewhere: a placement on any piece is right. */
  pieces: Span[][];
  /** Annotations whose passage was deleted on purpose, or is gone altogether. */
  deleted: Set<number>;
  /** Annotations the revision aimed at (moved, rewritten around, typo-fixed). */
  touched: Set<number>;
}

const STORED_CONTEXT = CONTEXT_LENGTH;
/** A passage's characters farther apart than this, or out of order, were split by a move. */
const SPLIT = 300;

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function shuffled(count: number, rand: () => number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Whether [from, to) (one character of margin) is still free, and if so takes it. */
function claim(taken: Uint8Array, from: number, to: number): boolean {
  for (let k = Math.max(0, from - 1); k < Math.min(taken.length, to + 1); k++) if (taken[k]) return false;
  taken.fill(1, Math.max(0, from), Math.min(taken.length, to));
  return true;
}

/** Random typos and inserted/deleted words, outside `taken`, until about `rate` of the text changed. */
export function randomEdits(text: string, rand: () => number, rate: number, taken: Uint8Array): TextEdit[] {
  const edits: TextEdit[] = [];
  const wordAt = (p: number): [number, number] => {
    let s = p;
    while (s > 0 && !isSpace(text[s - 1])) s--;
    let e = p;
    while (e < text.length && !isSpace(text[e])) e++;
    return [s, e];
  };
  let changed = 0;
  for (let tries = 0; changed < rate * text.length && tries < 100 * text.length; tries++) {
    const p = Math.floor(rand() * text.length);
    if (isSpace(text[p])) continue;
    const [ws, we] = wordAt(p);
    const kind = rand();
    let edit: TextEdit;
    if (kind < 0.4) {
      const letter = LETTERS[Math.floor(rand() * 26)] as string;
      const sub = rand();
      if (sub < 0.25) edit = { at: p, del: 1, ins: letter };
      else if (sub < 0.5) edit = { at: p, del: 1, ins: "" };
      else if (sub < 0.75) edit = { at: p, del: 0, ins: letter };
      else if (p + 1 < we) edit = { at: p, del: 2, ins: (text[p + 1] ?? "") + (text[p] ?? "") };
      else continue;
    } else if (kind < 0.7) {
      const [vs, ve] = wordAt(Math.floor(rand() * text.length));
      const word = text.slice(vs, ve);
      if (word.length === 0 || word.length > 15) continue;
      edit = { at: ws, del: 0, ins: `${word} ` };
    } else {
      if (we >= text.length || text[we] !== " ") continue;
      edit = { at: ws, del: we + 1 - ws, ins: "" };
    }
    if (!claim(taken, edit.at, edit.at + Math.max(1, edit.del))) continue;
    edits.push(edit);
    changed += Math.max(edit.del, edit.ins.length);
  }
  return edits;
}

/**
 * Moves: each chosen passage, with `context` characters either side, to a
 * paragraph break elsewhere. A passage whose quote and stored context stand
 * word for word elsewhere too is not moved: nothing could tell which copy
 * went where.
 */
function chooseMoves(text: string, spans: readonly Span[], order: number[], count: number, context: number, rand: () => number): { moves: TextMove[]; chosen: number[] } {
  const taken = new Uint8Array(text.length);
  const moves: TextMove[] = [];
  const chosen: number[] = [];
  const breaks: number[] = [];
  for (let i = text.indexOf("\n\n"); i !== -1; i = text.indexOf("\n\n", i + 1)) breaks.push(i + 2);
  for (const i of order) {
    if (moves.length >= count || breaks.length === 0) break;
    const span = spans[i] as Span;
    const from = Math.max(0, span.start - context);
    const to = Math.min(text.length, span.end + context);
    const dest = breaks[Math.floor(rand() * breaks.length)] as number;
    const fragment = text.slice(Math.max(0, span.start - STORED_CONTEXT), span.end + STORED_CONTEXT);
    if (text.indexOf(fragment) !== text.lastIndexOf(fragment)) continue;
    // Far enough to be a move, not a shuffle of neighbours.
    if (Math.abs(dest - from) < 4 * (to - from) || moves.some((m) => dest >= m.from && dest <= m.to) || !claim(taken, from, to)) continue;
    if (moves.some((m) => m.dest >= from && m.dest <= to)) continue;
    moves.push({ from, to, dest });
    chosen.push(i);
  }
  return { moves, chosen };
}

/** Replacement text for a stretch: as many characters of words taken from elsewhere in the text. */
function otherWords(text: string, length: number, rand: () => number): string {
  let out = "";
  while (out.length < length) {
    let at = Math.floor(rand() * (text.length - 40));
    while (at < text.length && !isSpace(text[at])) at++;
    out += text.slice(at, at + 40).replace(/\s+/g, " ");
  }
  return out.slice(0, length);
}

export function revise(base: string, spans: readonly Span[], rand: () => number, options: RevisionOptions): Revision {
  const touched = new Set<number>();
  const deleted = new Set<number>();
  const order = shuffled(spans.length, rand);
  const share = (rate = 0): number => Math.round(rate * spans.length);

  const { moves, chosen } = chooseMoves(base, spans, order, share(options.moveRate), options.moveContext ?? 40, rand);
  chosen.forEach((i) => touched.add(i));
  const moved: EditedText = applyMoves(base, moves);
  // A passage a move split in two is left alone from here on.
  const now = spans.map((s) => {
    const pieces = piecesOf(moved, s);
    return pieces.length === 1 ? (pieces[0] as Span) : null;
  });

  const text = moved.text;
  const taken = new Uint8Array(text.length);
  const edits: TextEdit[] = [];
  const pick = (count: number, act: (i: number, span: Span) => boolean): void => {
    let done = 0;
    for (const i of order) {
      if (done >= count) break;
      const span = now[i];
      if (!span || touched.has(i) || deleted.has(i)) continue;
      if (act(i, span)) done++;
    }
  };
  pick(share(options.deleteRate), (i, { start, end }) => {
    if (!claim(taken, start, end)) return false;
    edits.push({ at: start, del: end - start, ins: "" });
    deleted.add(i);
    return true;
  });
  const rewrite = options.rewriteLength ?? 32;
  pick(share(options.rewriteRate), (i, { start, end }) => {
    const before = Math.max(0, start - rewrite);
    const after = Math.min(text.length, end + rewrite);
    if (!claim(taken, before, after)) return false;
    edits.push({ at: before, del: start - before, ins: otherWords(text, start - before, rand) }, { at: end, del: after - end, ins: otherWords(text, after - end, rand) });
    touched.add(i);
    return true;
  });
  pick(share(options.typoRate), (i, { start, end }) => {
    if (end - start < 10 || end - start > 30) return false;
    const at = start + 1 + Math.floor(rand() * (end - start - 2));
    if (isSpace(text[at]) || !claim(taken, at, at + 1)) return false;
    const letter = LETTERS[Math.floor(rand() * 26)] as string;
    edits.push(letter === text[at] ? { at, del: 1, ins: "" } : { at, del: 1, ins: letter });
    touched.add(i);
    return true;
  });
  if (options.editRate) edits.push(...randomEdits(text, rand, options.editRate, taken));
  const revised = composeEdits(moved, applyEdits(text, edits));
  const expected = spans.map((s) => mapRange(revised, s.start, s.end));
  expected.forEach((e, i) => e === null && deleted.add(i));
  return { text: revised.text, expected, pieces: spans.map((s) => piecesOf(revised, s)), deleted, touched };
}

function piecesOf(edited: EditedText, { start, end }: Span): Span[] {
  const out: Span[] = [];
  let piece: Span | null = null;
  for (let k = start; k < end; k++) {
    const n = edited.newPos[k] as number;
    if (n === -1) continue;
    if (piece && n > piece.end - 1 && n - piece.end < SPLIT) piece.end = n + 1;
    else out.push((piece = { start: n, end: n + 1 }));
  }
  return out;
}
