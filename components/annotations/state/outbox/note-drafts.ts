/**
 * The note a reader is typing, kept per annotation (or per new highlight) in
 * localStorage until it is saved or cancelled, so a reload, a closed tab or a
 * crash loses no word. Reading it back is synchronous, so the editor opens
 * with the draft already in it.
 */
const PREFIX = "gloss:note-draft:";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled
  }
}

export function readNoteDraft(key: string): string | null {
  return storage()?.getItem(PREFIX + key) ?? null;
}

export function writeNoteDraft(key: string, text: string) {
  try {
    storage()?.setItem(PREFIX + key, text);
  } catch {
    // Full or disabled: the note is still in the editor.
  }
}

export function clearNoteDraft(key: string) {
  storage()?.removeItem(PREFIX + key);
}
