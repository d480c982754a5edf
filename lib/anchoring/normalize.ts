/**
 * Whitespace- and accent-insensitive view of a text.
 *
 * Re-published articles often differ from the annotated version in ways a
 * reader does not see: whitespace (re-wrapped lines, "\n\n" vs " ",
 * non-breaking spaces) and Unicode normalization (precomposed "é" vs "e" plus
 * a combining accent, Arabic with or without vowel marks). Counting each such
 * change as an edit would push many intact quotes over the error budget, so
 * the approximate stages of matching work on a folded copy of the text, in
 * which every run of whitespace is a single " ", combining marks are dropped
 * and precomposed letters are replaced by their base letter, and map offsets
 * back. Folding keeps one UTF-16 unit per folded character, so the maps are
 * plain index arrays.
 */

export interface NormalizedText {
  /** The text the offsets of callers refer to. */
  readonly source: string;
  /** `source`, folded. */
  readonly text: string;
  /** normalized index -> source index (length text.length + 1); null when identical. */
  readonly origAt: Int32Array | null;
  /** source index -> normalized index (length source.length + 1); null when identical. */
  readonly normAt: Int32Array | null;
}

export function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const COMBINING = /^\p{M}$/u;
/** Folded form of each BMP unit from U+00C0: 0 = drop (combining mark), else the unit to use. */
let foldTable: Uint16Array | null = null;

function folded(code: number): number {
  if (code < 0xc0 || (code >= 0xd800 && code <= 0xdfff)) return code;
  if (!foldTable) foldTable = new Uint16Array(0x10000);
  const cached = foldTable[code] as number;
  if (cached !== 0) return cached === 0xffff ? 0 : cached;
  const ch = String.fromCharCode(code);
  let result = code;
  if (COMBINING.test(ch)) {
    result = 0;
  } else {
    const decomposed = ch.normalize("NFD");
    if (decomposed.length > 1 && decomposed.charCodeAt(0) < 0xd800) result = decomposed.charCodeAt(0);
  }
  foldTable[code] = result === 0 ? 0xffff : result;
  return result;
}

/** Everything that can make the folded text differ from the source. */
const NEEDS_NORMALIZING = /[\t\n\v\f\r\u00a0-\uffff]| {2}/;

/** Folds a string the way `normalizeText` folds a text (for quotes and context). */
export function foldString(s: string): string {
  if (!NEEDS_NORMALIZING.test(s)) return s;
  let out = "";
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isSpaceCode(code)) {
      if (!inSpace) out += " ";
      inSpace = true;
      continue;
    }
    inSpace = false;
    const f = folded(code);
    if (f === 0 && out.length > 0) continue;
    out += String.fromCharCode(f === 0 ? code : f);
  }
  return out;
}

/** Folds `source` and keeps the offset maps (for texts, and for fragments of old text). */
export function foldWithOffsets(source: string): NormalizedText {
  if (!NEEDS_NORMALIZING.test(source)) {
    return { source, text: source, origAt: null, normAt: null };
  }
  const len = source.length;
  const normAt = new Int32Array(len + 1);
  const origAtTmp = new Int32Array(len + 1);
  const out = new Uint16Array(len);
  let n = 0;
  let i = 0;
  while (i < len) {
    const code = source.charCodeAt(i);
    if (isSpaceCode(code)) {
      let j = i + 1;
      while (j < len && isSpaceCode(source.charCodeAt(j))) j++;
      for (let k = i; k < j; k++) normAt[k] = n;
      origAtTmp[n] = i;
      out[n++] = 32;
      i = j;
      continue;
    }
    const f = folded(code);
    if (f === 0 && n > 0) {
      // A combining mark belongs to the character before it.
      normAt[i] = n - 1;
      i++;
      continue;
    }
    normAt[i] = n;
    origAtTmp[n] = i;
    out[n++] = f === 0 ? code : f;
    i++;
  }
  normAt[len] = n;
  origAtTmp[n] = len;
  return { source, text: unitsToString(out.subarray(0, n), source), origAt: origAtTmp.slice(0, n + 1), normAt };
}

const utf16 = new TextDecoder("utf-16le");

/**
 * The string of these UTF-16 units. Decoding is some twenty times faster
 * than String.fromCharCode, but it would replace a lone surrogate, so text
 * that is not well-formed (`source`, where folding found the units) is built
 * unit by unit.
 */
function unitsToString(units: Uint16Array, source: string): string {
  if (source.isWellFormed()) return utf16.decode(units);
  let text = "";
  for (let k = 0; k < units.length; k += 8192) text += String.fromCharCode(...units.subarray(k, Math.min(units.length, k + 8192)));
  return text;
}

// Callers re-anchor many annotations against the same text, usually the same
// string object, so a tiny cache makes normalization a one-off cost.
const cache: NormalizedText[] = [];
const CACHE_SIZE = 4;

export function normalizeText(source: string): NormalizedText {
  for (const entry of cache) {
    if (entry.source === source) return entry;
  }
  const entry = foldWithOffsets(source);
  cache.unshift(entry);
  if (cache.length > CACHE_SIZE) cache.pop();
  return entry;
}

export function toNormOffset(norm: NormalizedText, orig: number): number {
  const clamped = Math.max(0, Math.min(norm.source.length, orig));
  return norm.normAt ? (norm.normAt[clamped] ?? norm.text.length) : clamped;
}

/** Maps a normalized range back; an end after a collapsed space covers the whole run. */
export function toOrigRange(norm: NormalizedText, ns: number, ne: number): [number, number] {
  if (!norm.origAt) return [ns, ne];
  const start = norm.origAt[ns] ?? norm.source.length;
  const end = norm.origAt[ne] ?? norm.source.length;
  return [start, Math.max(start, end)];
}

/** For benchmarks that must pay the normalization (and text index, see text-index.ts) cost on every run. */
export function clearNormalizationCache(): void {
  cache.length = 0;
}
