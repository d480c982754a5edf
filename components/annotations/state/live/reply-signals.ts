/**
 * Tells open reply threads that the replies of an annotation changed (a live
 * event from any tab or reader), so they refetch. Process-wide in the tab:
 * the live stream (use-live-article.ts) publishes, threads subscribe.
 */
const listeners = new Map<string, Set<() => void>>();

export function onRepliesChanged(annotationId: string, listener: () => void): () => void {
  let set = listeners.get(annotationId);
  if (!set) listeners.set(annotationId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(annotationId);
  };
}

export function repliesChanged(annotationId: string) {
  for (const listener of listeners.get(annotationId) ?? []) listener();
}
