/**
 * Exact occurrences of many patterns found in a single pass over a text
 * (Rabin–Karp on a short key). Checking one by one whether each of a
 * thousand quotes is unique would scan a long article a thousand times.
 */

const KEY = 8;
const BASE = 0x01000193;

/** For each pattern, the start of each occurrence, at most `limit` of them. */
export function findAllExact(text: string, patterns: readonly string[], limit: number): number[][] {
  const out: number[][] = patterns.map(() => []);
  const byKey = new Map<number, number[]>();
  patterns.forEach((pattern, index) => {
    if (pattern.length < KEY) {
      for (let at = text.indexOf(pattern); at !== -1 && (out[index] as number[]).length < limit; at = text.indexOf(pattern, at + 1)) {
        (out[index] as number[]).push(at);
      }
      return;
    }
    let h = 0;
    for (let i = 0; i < KEY; i++) h = (Math.imul(h, BASE) + pattern.charCodeAt(i)) | 0;
    const list = byKey.get(h);
    if (list) list.push(index);
    else byKey.set(h, [index]);
  });
  if (byKey.size === 0) return out;

  let outgoing = 1; // BASE^(KEY-1), the weight of the character leaving the window
  for (let i = 1; i < KEY; i++) outgoing = Math.imul(outgoing, BASE);
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= KEY) h = (h - Math.imul(text.charCodeAt(i - KEY), outgoing)) | 0;
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    if (i < KEY - 1) continue;
    const list = byKey.get(h);
    if (!list) continue;
    const start = i - KEY + 1;
    for (const index of list) {
      const found = out[index] as number[];
      if (found.length < limit && text.startsWith(patterns[index] as string, start)) found.push(start);
    }
  }
  return out;
}
