"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { ApiError } from "@/lib/api/api-fetch";
import type { AnnotationDto, CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/api/annotations";
import {
  createAnnotation,
  deleteAnnotation,
  fetchArticleAnnotations,
  updateAnnotation,
} from "./annotations-api";
import { createTaskQueue, failureMessage, mergeById, optimisticAnnotation, revertFields, type AuthorViewer } from "./annotation-changes";

export type LoadStatus = "loading" | "ready" | "error";

export interface AnnotationStore {
  status: LoadStatus;
  annotations: AnnotationDto[];
  reload(): void;
  /** Fetches the list again without showing it as loading (live updates catching up). */
  refresh(): void;
  /** The server's copy of one annotation, from a live update; ignored while a change of this tab to it is on its way. */
  receive(annotation: AnnotationDto): void;
  /** Drops an annotation the viewer may no longer see (a live update), unless this tab is changing it. */
  forget(id: string): void;
  /** Shows the annotation at once and saves it; resolves with the saved one, or null (reverted, toast shown). */
  create(input: Omit<CreateAnnotationInput, "articleSlug">): Promise<AnnotationDto | null>;
  update(id: string, patch: UpdateAnnotationInput): Promise<AnnotationDto | null>;
  remove(id: string): Promise<boolean>;
  /** Brings a just-deleted annotation back under its old id (the undo of `remove`). */
  restore(annotation: AnnotationDto): Promise<AnnotationDto | null>;
}

/**
 * The viewer's view of an article's annotations: fetched once, changed
 * optimistically (the text repaints before the server answers) and put
 * back with a toast when the server says no. Changes to one annotation are
 * sent in order, so an edit made while its create is in flight waits for it.
 */
export function useAnnotations(options: {
  slug: string;
  initialAnnotations?: AnnotationDto[];
  viewer: AuthorViewer | null;
}): AnnotationStore {
  const { slug, initialAnnotations, viewer } = options;
  const [annotations, setAnnotations] = useState<AnnotationDto[]>(() => initialAnnotations ?? []);
  const [status, setStatus] = useState<LoadStatus>("loading");
  const [generation, setGeneration] = useState(0);
  const [queue] = useState(createTaskQueue);
  const localIds = useRef(new Set<string>());
  const initialRef = useRef(initialAnnotations);

  useEffect(() => {
    const controller = new AbortController();
    fetchArticleAnnotations(slug, controller.signal)
      .then((fetched) => {
        performance.mark("gloss:annotations-loaded");
        // Keep what the viewer created meanwhile; the server's copy wins for everything else.
        setAnnotations((current) =>
          mergeById(
            initialRef.current ?? [],
            fetched,
            current.filter((annotation) => localIds.current.has(annotation.id)),
          ),
        );
        setStatus("ready");
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setStatus("error");
        toast.error(failureMessage("load the notes on this article", error));
      });
    return () => controller.abort();
  }, [slug, generation]);

  const enqueue = queue.enqueue;

  const replace = useCallback((id: string, change: (annotation: AnnotationDto) => AnnotationDto | null) => {
    setAnnotations((current) => {
      const index = current.findIndex((annotation) => annotation.id === id);
      if (index < 0) return current;
      const changed = change(current[index]!);
      const next = current.slice();
      if (changed) next[index] = changed;
      else next.splice(index, 1);
      return next;
    });
  }, []);

  const insert = useCallback(
    (annotation: AnnotationDto) => setAnnotations((current) => [...current.filter((a) => a.id !== annotation.id), annotation]),
    [],
  );

  const create = useCallback<AnnotationStore["create"]>(
    (input) => {
      const optimistic = optimisticAnnotation({ input, slug, viewer, now: new Date().toISOString() });
      localIds.current.add(input.id);
      insert(optimistic);
      return enqueue(input.id, async () => {
        try {
          const saved = await createAnnotation({ ...input, articleSlug: slug });
          replace(input.id, () => saved);
          return saved;
        } catch (error) {
          replace(input.id, () => null);
          toast.error(failureMessage(input.note ? "save your note" : "save your highlight", error));
          return null;
        } finally {
          localIds.current.delete(input.id);
        }
      });
    },
    [enqueue, insert, replace, slug, viewer],
  );

  const update = useCallback<AnnotationStore["update"]>(
    (id, patch) => {
      let before: AnnotationDto | undefined;
      replace(id, (annotation) => {
        before = annotation;
        return { ...annotation, ...patch, updatedAt: new Date().toISOString() };
      });
      return enqueue(id, async () => {
        try {
          const saved = await updateAnnotation(id, patch);
          replace(id, () => saved);
          return saved;
        } catch (error) {
          if (before) {
            const previous = before;
            replace(id, (annotation) => revertFields(annotation, previous, patch));
          }
          toast.error(failureMessage("save that change", error));
          return null;
        }
      });
    },
    [enqueue, replace],
  );

  const remove = useCallback<AnnotationStore["remove"]>(
    (id) => {
      let removed: AnnotationDto | undefined;
      replace(id, (annotation) => {
        removed = annotation;
        return null;
      });
      return enqueue(id, async () => {
        try {
          await deleteAnnotation(id);
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return true;
          if (removed) insert(removed);
          toast.error(failureMessage("delete it", error));
          return false;
        }
      });
    },
    [enqueue, insert, replace],
  );

  const restore = useCallback<AnnotationStore["restore"]>(
    (annotation) => {
      if (!annotation.position) return Promise.resolve(null);
      insert(annotation);
      const { id, color, note, quote, position, visibility } = annotation;
      return enqueue(id, async () => {
        let saved: AnnotationDto;
        try {
          saved = await createAnnotation({ id, articleSlug: slug, color, note, quote, position });
        } catch (error) {
          replace(id, () => null);
          toast.error(failureMessage("bring it back", error));
          return null;
        }
        replace(id, () => saved);
        // A create always starts private; a shared note goes back to how it was shared.
        if (visibility === saved.visibility) return saved;
        try {
          const shared = await updateAnnotation(id, { visibility });
          replace(id, () => shared);
          return shared;
        } catch (error) {
          toast.error(failureMessage("share it again as before; it is private for now", error));
          return saved;
        }
      });
    },
    [enqueue, insert, replace, slug],
  );

  const reload = useCallback(() => {
    setStatus("loading");
    setGeneration((value) => value + 1);
  }, []);

  const refresh = useCallback(() => setGeneration((value) => value + 1), []);

  const receive = useCallback((annotation: AnnotationDto) => {
    if (queue.isPending(annotation.id)) return;
    setAnnotations((current) =>
      current.some((a) => a.id === annotation.id) ? current.map((a) => (a.id === annotation.id ? annotation : a)) : [...current, annotation],
    );
  }, [queue]);

  const forget = useCallback((id: string) => {
    if (!queue.isPending(id)) replace(id, () => null);
  }, [queue, replace]);

  return { status, annotations, reload, refresh, receive, forget, create, update, remove, restore };
}
