/**
 * Whether a request path's percent-encoding cannot be decoded (`%C0%AF`,
 * `%ED%A0%80`, a lone `%`): such a path names nothing, and answering it is a
 * 400, never the 500 that decoding it deeper in the stack would throw.
 */
export function hasMalformedPercentEncoding(rawPath: string): boolean {
  try {
    for (const segment of rawPath.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}
