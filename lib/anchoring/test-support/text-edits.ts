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

/**
 * Moves [from, to) of `text` so that it starts at old offset `dest` (outside
 * the moved range), tracking every character: the moved ones go with it.
 */
export function moveText(text: string, from: number, to: number, dest: number): EditedText {
  if (dest >= from && dest <= to) throw new RangeError("moveText: destination inside the moved range");
  const moved = text.slice(from, to);
  const edited = applyEdits(text, [
    { at: from, del: to - from, ins: "" },
    { at: dest, del: 0, ins: moved },
  ]);
  // applyEdits knows the moved characters only as removed: they start right after the old character before `dest`.
  const landing = dest === 0 ? 0 : (edited.newPos[dest - 1] as number) + 1;
  for (let i = from; i < to; i++) edited.newPos[i] = landing + (i - from);
  return edited;
}
