"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import type {
  AnnotationDto,
  CreateAnnotationInput,
  UpdateAnnotationInput,
} from "@/lib/annotations/annotation-dto";
import {
  AnnotationApiError,
  createAnnotation,
  deleteAnnotation,
  fetchArticleAnnotations,
  updateAnnotation,
} from "./annotations-api";

export type LoadStatus = "loading" | "ready" | "error";

export interface AnnotationStore {
  status: LoadStatus;
  annotations: AnnotationDto[];
  reload(): void;
  /** Shows the annotation at once and saves it; resolves with the saved one, or null (reverted, toast shown). */
  create(input: Omit<CreateAnnotationInput, "articleSlug">): Promise<AnnotationDto | null>;
  update(id: string, patch: UpdateAnnotationInput): Promise<AnnotationDto | null>;
  remove(id: string): Promise<boolean>;
  /** Brings a just-deleted annotation back under its old id (the undo of `remove`). */
  restore(annotation: AnnotationDto): Promise<AnnotationDto | null>;
}

interface Viewer {
  id: string;
  name: string;
}

function failureMessage(action: string, error: unknown): string {
  if (!(error instanceof AnnotationApiError)) return `Couldn't ${action}. Please try again.`;
  if (error.status === 401) return `Couldn't ${action}: your session has ended. Sign in again to keep annotating.`;
  if (error.status === 404) return `Couldn't ${action}: it no longer exists.`;
  return `Couldn't ${action}. ${error.message}`;
}

function mergeById(...lists: AnnotationDto[][]): AnnotationDto[] {
  const byId = new Map<string, AnnotationDto>();
  for (const list of lists) for (const annotation of list) byId.set(annotation.id, annotation);
  return [...byId.values()];
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
  viewer: Viewer | null;
}): AnnotationStore {
  const { slug, initialAnnotations, viewer } = options;
  const [annotations, setAnnotations] = useState<AnnotationDto[]>(() => initialAnnotations ?? []);
  const [status, setStatus] = useState<LoadStatus>("loading");
  const [generation, setGeneration] = useState(0);
  const queues = useRef(new Map<string, Promise<unknown>>());
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

  const enqueue = useCallback(<T,>(id: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.current.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    queues.current.set(id, next);
    void next.finally(() => {
      if (queues.current.get(id) === next) queues.current.delete(id);
    }).catch(() => undefined);
    return next;
  }, []);

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
      const now = new Date().toISOString();
      const optimistic: AnnotationDto = {
        ...input,
        articleSlug: slug,
        note: input.note ?? null,
        visibility: "private",
        author: { id: viewer?.id ?? "", name: viewer?.name ?? "You" },
        isOwn: true,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
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
    [enqueue, insert, replace, slug, viewer?.id, viewer?.name],
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
          // Put back only the fields this change touched; later changes keep theirs.
          if (before) {
            const previous = before;
            const restored = Object.fromEntries(Object.keys(patch).map((key) => [key, previous[key as keyof AnnotationDto]]));
            replace(id, (annotation) => ({ ...annotation, ...restored }));
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
          if (error instanceof AnnotationApiError && error.status === 404) return true;
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

  return { status, annotations, reload, create, update, remove, restore };
}
