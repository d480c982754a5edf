"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type Dispatch, type SetStateAction } from "react";
import { toast } from "@/components/layout/toast";
import type { AnnotationDto, CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/api/annotations";
import { useLatestCallback } from "@/components/ui/use-latest-callback";
import { optimisticAnnotation } from "../annotation-changes";
import { createEntry, deleteEntry, updateEntry } from "./annotation-operations";
import { writeNoteDraft } from "./note-drafts";
import type { OutboxEntry, UpdatePayload } from "./outbox-entry";
import { operationKind } from "./operation-kinds";
import type { NewEntry } from "./outbox";
import { useOutbox } from "./use-outbox";

export interface AnnotationWrites {
  /** The annotations with every write still waiting in the outbox applied (after a reload too). */
  shown: AnnotationDto[];
  create(input: Omit<CreateAnnotationInput, "articleSlug">): Promise<AnnotationDto | null>;
  update(id: string, patch: UpdateAnnotationInput): Promise<AnnotationDto | null>;
  remove(id: string): Promise<boolean>;
  restore(annotation: AnnotationDto): Promise<AnnotationDto | null>;
  /** Whether a write of this browser to `id` is still waiting in the outbox. */
  hasPendingWrite(id: string): boolean;
  /** Annotations written on this visit: a list fetched meanwhile must not undo them. */
  writtenIds: ReadonlySet<string>;
}

function overlay(annotations: AnnotationDto[], pending: readonly OutboxEntry[]): AnnotationDto[] {
  return pending.reduce((shown, entry) => operationKind(entry.kind)?.apply?.(shown, entry) ?? shown, annotations);
}

const noSubscription = () => () => {};
const noVersion = () => 0;

/**
 * The reader's writes go through the outbox: shown at once, stored in the
 * browser, sent in order until the server has them. The server's answers
 * replace the optimistic copies; an edit that lost to a newer version shows
 * the newer one and keeps the reader's text as a draft of the note.
 */
export function useAnnotationWrites(options: {
  slug: string;
  viewer: { id: string; name: string } | null;
  annotations: AnnotationDto[];
  setAnnotations: Dispatch<SetStateAction<AnnotationDto[]>>;
  reload: () => void;
}): AnnotationWrites {
  const { slug, viewer, annotations, setAnnotations, reload } = options;
  const outbox = useOutbox(viewer?.id ?? null);
  const version = useSyncExternalStore(outbox?.subscribe ?? noSubscription, outbox?.getVersion ?? noVersion, noVersion);
  const pendingHere = useMemo(
    () => (outbox ? outbox.pending().filter((entry) => entry.articleSlug === slug) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever pending() does
    [outbox, slug, version],
  );
  const shown = useMemo(() => overlay(annotations, pendingHere), [annotations, pendingHere]);
  const findShown = useLatestCallback((id: string) => shown.find((annotation) => annotation.id === id));
  const [writtenIds] = useState(() => new Set<string>());

  const put = useCallback(
    (annotation: AnnotationDto | null, id: string) =>
      setAnnotations((current) => {
        const index = current.findIndex((existing) => existing.id === id);
        if (index < 0) return annotation ? [...current, annotation] : current;
        const next = current.slice();
        if (annotation) next[index] = annotation;
        else next.splice(index, 1);
        return next;
      }),
    [setAnnotations],
  );

  useEffect(() => {
    if (!outbox) return;
    const stopOutcomes = outbox.onOutcome((entry, outcome) => {
      if (entry.articleSlug !== slug) return;
      if (outcome.kind === "removed") return put(null, entry.annotationId);
      if (!outcome.annotation) return;
      put(outcome.annotation, entry.annotationId);
      if (outcome.kind === "conflict") {
        const mine = (entry.payload as UpdatePayload).note;
        if (mine) writeNoteDraft(entry.annotationId, mine);
        toast.warning("This annotation was changed in another tab or on another device, and that newer version is shown.", {
          description: mine ? "Your note is kept as a draft: choose Edit to see it." : undefined,
        });
      }
    });
    const stopDiscards = outbox.onDiscard((annotationId) => {
      writtenIds.delete(annotationId);
      reload();
    });
    return () => {
      stopOutcomes();
      stopDiscards();
    };
  }, [outbox, put, reload, slug, writtenIds]);

  const store = useCallback(
    async (entry: NewEntry): Promise<boolean> => {
      if (!outbox) return false;
      writtenIds.add(entry.annotationId);
      try {
        await outbox.enqueue(entry);
        return true;
      } catch {
        toast.error("Couldn't keep that change in this browser (its storage is full or turned off). Please try again.");
        reload();
        return false;
      }
    },
    [outbox, reload, writtenIds],
  );

  const create = useCallback<AnnotationWrites["create"]>(
    async (input) => {
      const preview = optimisticAnnotation({ input, slug, viewer, now: new Date().toISOString() });
      put(preview, input.id);
      return (await store(createEntry(preview, { ...input, articleSlug: slug }))) ? preview : null;
    },
    [put, slug, store, viewer],
  );

  const update = useCallback<AnnotationWrites["update"]>(
    async (id, patch) => {
      const before = findShown(id);
      if (!before) return null;
      const changed = { ...before, ...patch, updatedAt: new Date().toISOString() };
      put(changed, id);
      return (await store(updateEntry(before, patch))) ? changed : null;
    },
    [findShown, put, store],
  );

  const remove = useCallback<AnnotationWrites["remove"]>(
    async (id) => {
      const annotation = findShown(id);
      if (!annotation) return true;
      put(null, id);
      return store(deleteEntry(annotation));
    },
    [findShown, put, store],
  );

  const restore = useCallback<AnnotationWrites["restore"]>(
    async (annotation) => {
      const { id, color, note, quote, position, visibility } = annotation;
      if (!position) return null;
      const recreated = { ...annotation, version: 1 };
      put(recreated, id);
      if (!(await store(createEntry({ ...recreated, visibility: "private" }, { id, articleSlug: slug, color, note, quote, position })))) return null;
      // A create always starts private; a shared note goes back to how it was shared.
      if (visibility !== "private" && !(await store(updateEntry(recreated, { visibility })))) return null;
      return recreated;
    },
    [put, slug, store],
  );

  const hasPendingWrite = useCallback((id: string) => pendingHere.some((entry) => entry.annotationId === id), [pendingHere]);

  return { shown, create, update, remove, restore, hasPendingWrite, writtenIds };
}
