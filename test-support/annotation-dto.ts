/**
 * What an annotation says beyond what its author sent, when they have just
 * created it: no tags or replies yet, theirs, at version 1. For a `toEqual`
 * in Vitest and Playwright alike: `timestamp` is what the created and updated
 * times must match, e.g. the runner's own `expect.any(String)`.
 */
export function newOwnAnnotationFields<Timestamp>(timestamp: Timestamp) {
  return { tags: [], isOwn: true, replyCount: 0, createdAt: timestamp, updatedAt: timestamp, version: 1 };
}
