/** Helpers that keep offsets on sensible character boundaries. */

import { isSpaceCode } from "./normalize";

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const COMBINING_MARK = /^\p{M}$/u;

function isCombiningAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  // Cheap rejection: every combining mark lives above U+02FF.
  if (Number.isNaN(code) || code < 0x300) return false;
  return COMBINING_MARK.test(text.charAt(index));
}

/**
 * Context slices are cut at a fixed length; cutting through an emoji would
 * store a lone surrogate that never matches anything (and is invalid UTF-8
 * once serialized), so such half characters are dropped.
 */
export function slicePrefix(text: string, end: number, length: number): string {
  let start = Math.max(0, end - length);
  if (start > 0 && start < end && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) {
    start++;
  }
  return text.slice(start, end);
}

export function sliceSuffix(text: string, start: number, length: number): string {
  let end = Math.min(text.length, start + length);
  if (end < text.length && end > start && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) {
    end--;
  }
  return text.slice(start, end);
}

/**
 * Approximate matches end wherever the error count is lowest, which can be
 * between a base letter and its accent or inside a surrogate pair (a dropped
 * accent costs a single edit). Highlights must cover whole characters, so
 * boundaries are pushed outwards to the enclosing user-perceived character.
 */
export function snapToCharacters(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  if (s > 0 && s < text.length && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--;
  while (s > 0 && isCombiningAt(text, s)) s--;
  if (e > 0 && e < text.length && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e++;
  while (e < text.length && isCombiningAt(text, e)) e++;
  return [s, Math.max(s, e)];
}

/**
 * Whitespace at the edges of a fuzzy match is an artefact of normalization
 * (a collapsed run maps back to all of it); keep it only if the quote has it.
 */
export function trimToQuote(text: string, start: number, end: number, exact: string): [number, number] {
  let s = start;
  let e = end;
  if (exact.length > 0 && !isSpaceCode(exact.charCodeAt(0))) {
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  }
  if (exact.length > 0 && !isSpaceCode(exact.charCodeAt(exact.length - 1))) {
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  }
  return [s, e];
}
