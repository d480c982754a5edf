import type { AnnotationDto } from "@/lib/api/annotations";

/**
 * One write the reader made, kept in the browser (IndexedDB) from the moment
 * it is made until the server has it. Writes are sent oldest first with their
 * client-chosen ids, so sending one again can never make a second annotation.
 *
 * `kind` names an operation kind (annotation-operations.ts registers create,
 * update and delete); tags, replies and other writes plug in as new kinds
 * with their own payloads.
 */
export interface OutboxEntry<Payload = unknown> {
  /** Assigned by the store: the order the writes were made in. */
  seq?: number;
  kind: string;
  /** The annotation this write belongs to: writes of one annotation are sent strictly in order. */
  annotationId: string;
  articleSlug: string;
  /** Only the reader who made a write sends it (another account signed in later does not). */
  userId: string;
  payload: Payload;
  createdAt: number;
  /** How many times sending has started; an entry never attempted can still be dropped unsent. */
  attempts: number;
  /** Why the server refused it for good; it waits for Retry or Discard. */
  failure?: string;
}

/** What the server made of a write. */
export type SendOutcome =
  /** Stored; `annotation` is the server's copy when the answer carries one. */
  | { kind: "saved"; annotation?: AnnotationDto }
  /** Deleted (or already gone). */
  | { kind: "removed" }
  /** Not applied: the annotation changed elsewhere and the newer version wins. */
  | { kind: "conflict"; annotation: AnnotationDto };

/** Create, update and delete payloads (operation kinds of their own may define more). */
export interface CreatePayload {
  input: import("@/lib/api/annotations").CreateAnnotationInput;
  /** How the annotation looks before the server answers, to show it after a reload. */
  preview: AnnotationDto;
}
export type UpdatePayload = import("@/lib/api/annotations").UpdateAnnotationInput;
export type DeletePayload = Record<string, never>;
