/**
 * Where an annotation lives. The API URL of an annotation is
 * its identity in JSON-LD: dereferenced with `Accept: application/ld+json`, it
 * returns the Web Annotation.
 */
export function annotationApiPath(id: string): string {
  return `/api/annotations/${encodeURIComponent(id)}`;
}

/** A reply's API URL, likewise its identity in JSON-LD. */
export function replyApiPath(id: string): string {
  return `/api/replies/${encodeURIComponent(id)}`;
}
