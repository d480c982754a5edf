/**
 * Edits applied to a text, with where each old character went: what the
 * anchoring tests and benchmark compare anchoring results against.
 */

export interface TextEdit {
  /** Old offset where the edit starts. */
  at: number;
  /** Old characters removed there. */
  del: number;
  /** Text inserted in their place. */
  ins: string;
}

export interface EditedText {
  text: string;
  /** New offset of each old character, -1 where it was removed. */
  newPos: Int32Array;
}

/** Applies non-overlapping edits (old offsets, any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): EditedText {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  const newPos = new Int32Array(text.length).fill(-1);
  const parts: string[] = [];
  let old = 0;
  let now = 0;
  for (const e of [...sorted, { at: text.length, del: 0, ins: "" }]) {
    for (let i = old; i < e.at; i++) newPos[i] = now + (i - old);
    parts.push(text.slice(old, e.at), e.ins);
    now += e.at - old + e.ins.length;
    old = Math.max(old, e.at + e.del);
  }
  return { text: parts.join(""), newPos };
}

/** Where the old range [start, end) is now: its first to its last surviving character, or null if none survived. */
export function mapRange(edited: EditedText, start: number, end: number): { start: number; end: number } | null {
  let first = -1;
  let last = -1;
  for (let k = start; k < end; k++) {
    const n = edited.newPos[k] as number;
    if (n === -1) continue;
    if (first === -1) first = n;
    last = n;
  }
  return first === -1 ? null : { start: first, end: last + 1 };
}

/** `first`, then `second` applied to its result: where each original character ended up. */
export function composeEdits(first: EditedText, second: EditedText): EditedText {
  const newPos = first.newPos.map((p) => (p === -1 ? -1 : (second.newPos[p] as number)));
  return { text: second.text, newPos };
}

export interface TextMove {
  /** Old range moved... */
  from: number;
  to: number;
  /** ...to stand before this old offset (outside every moved range). */
  dest: number;
}

/** Applies non-overlapping moves at once; moves to the same destination land in the order given. */
export function applyMoves(text: string, moves: readonly TextMove[]): EditedText {
  for (const m of moves) {
    if (moves.some((o) => m.dest > o.from && m.dest < o.to)) throw new RangeError("applyMoves: destination inside a moved range");
  }
  const newPos = new Int32Array(text.length).fill(-1);
  const parts: string[] = [];
  let now = 0;
  const emit = (from: number, to: number): void => {
    for (let i = from; i < to; i++) newPos[i] = now + (i - from);
    parts.push(text.slice(from, to));
    now += to - from;
  };
  const cuts = [...new Set([0, text.length, ...moves.flatMap((m) => [m.from, m.to, m.dest])])].sort((a, b) => a - b);
  for (let k = 0; k < cuts.length; k++) {
    const at = cuts[k] as number;
    for (const m of moves) if (m.dest === at) emit(m.from, m.to);
    const next = cuts[k + 1];
    if (next === undefined) break;
    if (!moves.some((m) => at >= m.from && at < m.to)) emit(at, next);
  }
  return { text: parts.join(""), newPos };
}
