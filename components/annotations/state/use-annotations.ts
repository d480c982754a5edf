"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "@/components/layout/toast";
import type { AnnotationDto, CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/api/annotations";
import { failureMessage, mergeById } from "./annotation-changes";
import { fetchArticleAnnotations } from "./annotations-api";
import { useAnnotationWrites } from "./outbox/use-annotation-writes";

export type LoadStatus = "loading" | "ready" | "error";

export interface AnnotationStore {
  status: LoadStatus;
  annotations: AnnotationDto[];
  /**
   * Where the live stream starts: the change-log position (`lastEventId`) of the first list
   * loaded, or null when that load failed; undefined until it has settled. Set once.
   */
  liveFrom: string | null | undefined;
  reload(): void;
  /** Fetches the list again without showing it as loading (live updates catching up). */
  refresh(): void;
  /** The server's copy of one annotation, from a live update; ignored while a write of this browser to it is on its way. */
  receive(annotation: AnnotationDto): void;
  /** Drops an annotation the viewer may no longer see (a live update), unless this browser is changing it. */
  forget(id: string): void;
  /** Shows the annotation at once and keeps it in the outbox until saved; resolves with it, or null if it could not be kept. */
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

/**
 * The viewer's view of an article's annotations: fetched once, changed
 * optimistically (the text repaints before the server answers). Every write
 * goes through the outbox (./outbox), which keeps it in the browser and
 * sends it until the server has it, so nothing is lost to a dropped
 * connection, a closed tab or a database restart.
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
  const [firstLoad, setFirstLoad] = useState<{ slug: string; liveFrom: string | null }>();
  const settleFirstLoad = useCallback(
    (liveFrom: string | null) => setFirstLoad((current) => (current?.slug === slug ? current : { slug, liveFrom })),
    [slug],
  );
  const initialRef = useRef(initialAnnotations);

  const reload = useCallback(() => {
    setStatus("loading");
    setGeneration((value) => value + 1);
  }, []);
  const writes = useAnnotationWrites({ slug, viewer, annotations, setAnnotations, reload });
  const { writtenIds } = writes;

  useEffect(() => {
    const controller = new AbortController();
    fetchArticleAnnotations(slug, controller.signal)
      .then(({ annotations: fetched, lastEventId }) => {
        performance.mark("gloss:annotations-loaded");
        settleFirstLoad(lastEventId);
        // Keep what the viewer wrote meanwhile; the server's copy wins for everything else.
        setAnnotations((current) =>
          mergeById(
            initialRef.current ?? [],
            fetched,
            current.filter((annotation) => writtenIds.has(annotation.id)),
          ),
        );
        setStatus("ready");
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        settleFirstLoad(null);
        setStatus("error");
        toast.error(failureMessage("load the notes on this article", error));
      });
    return () => controller.abort();
  }, [slug, generation, writtenIds, settleFirstLoad]);

  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  const { shown, create, update, remove, restore, hasPendingWrite } = writes;

  const receive = useCallback(
    (annotation: AnnotationDto) => {
      if (hasPendingWrite(annotation.id)) return;
      setAnnotations((current) =>
        current.some((a) => a.id === annotation.id) ? current.map((a) => (a.id === annotation.id ? annotation : a)) : [...current, annotation],
      );
    },
    [hasPendingWrite],
  );

  const forget = useCallback(
    (id: string) => {
      if (!hasPendingWrite(id)) setAnnotations((current) => current.filter((a) => a.id !== id));
    },
    [hasPendingWrite],
  );

  const liveFrom = firstLoad?.slug === slug ? firstLoad.liveFrom : undefined;
  return { status, annotations: shown, liveFrom, reload, refresh, receive, forget, create, update, remove, restore };
}
