import type { AnnotationDto } from "@/lib/api/annotations";
import { ApiError } from "@/lib/api/api-fetch";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "../annotations-api";
import type { CreatePayload, DeletePayload, OutboxEntry, UpdatePayload } from "./outbox-entry";
import { registerOperationKind } from "./operation-kinds";

/** The outbox's three annotation writes: create, update (note, colour, visibility) and delete. */

function replaceById(annotations: AnnotationDto[], id: string, change: (annotation: AnnotationDto) => AnnotationDto | null) {
  return annotations.flatMap((annotation) => {
    if (annotation.id !== id) return [annotation];
    const changed = change(annotation);
    return changed ? [changed] : [];
  });
}

registerOperationKind<CreatePayload>("create", {
  // Idempotent on the client-chosen id: a create sent twice is one annotation.
  send: async (entry) => ({ kind: "saved", annotation: await createAnnotation(entry.payload.input) }),
  apply: (annotations, entry) =>
    annotations.some((annotation) => annotation.id === entry.annotationId) ? annotations : [...annotations, entry.payload.preview],
});

registerOperationKind<UpdatePayload>("update", {
  send: async (entry) => {
    try {
      return { kind: "saved", annotation: await updateAnnotation(entry.annotationId, entry.payload) };
    } catch (error) {
      // The annotation changed elsewhere since this edit was made: the newer version wins.
      const current = error instanceof ApiError && error.code === "version_conflict" ? error.details?.annotation : undefined;
      if (current) return { kind: "conflict", annotation: current as AnnotationDto };
      throw error;
    }
  },
  apply: (annotations, entry) => {
    const fields = { ...entry.payload };
    delete fields.baseVersion;
    return replaceById(annotations, entry.annotationId, (annotation) => ({ ...annotation, ...fields }));
  },
  rebase: (entry, saved) => ({ ...entry, payload: { ...entry.payload, baseVersion: saved.version } }),
  baseVersion: (entry) => entry.payload.baseVersion,
});

registerOperationKind<DeletePayload>("delete", {
  send: async (entry) => {
    try {
      await deleteAnnotation(entry.annotationId);
    } catch (error) {
      // Already gone (an earlier try got through, or another tab deleted it): done all the same.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    return { kind: "removed" };
  },
  apply: (annotations, entry) => replaceById(annotations, entry.annotationId, () => null),
});

/** Writes are made with these; the entry's seq, attempts and user are filled in by the outbox. */
export function createEntry(preview: AnnotationDto, input: CreatePayload["input"]): Omit<OutboxEntry<CreatePayload>, "userId" | "attempts" | "createdAt"> {
  return { kind: "create", annotationId: input.id, articleSlug: input.articleSlug, payload: { input, preview } };
}

export function updateEntry(annotation: AnnotationDto, changes: UpdatePayload): Omit<OutboxEntry<UpdatePayload>, "userId" | "attempts" | "createdAt"> {
  return { kind: "update", annotationId: annotation.id, articleSlug: annotation.articleSlug, payload: { ...changes, baseVersion: annotation.version } };
}

export function deleteEntry(annotation: Pick<AnnotationDto, "id" | "articleSlug">): Omit<OutboxEntry<DeletePayload>, "userId" | "attempts" | "createdAt"> {
  return { kind: "delete", annotationId: annotation.id, articleSlug: annotation.articleSlug, payload: {} };
}
