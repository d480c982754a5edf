import type { AnnotationDto } from "@/lib/api/annotations";
import type { OutboxEntry, SendOutcome } from "./outbox-entry";

/**
 * What the outbox needs to know about one kind of write. Tags, replies and
 * other writes join by registering a kind of their own: the outbox stores,
 * orders, retries and reports them without knowing what they are.
 */
export interface OperationKind<Payload = unknown> {
  /** Sends the write; throws AnnotationApiError when it got no answer or was refused. */
  send(entry: OutboxEntry<Payload>): Promise<SendOutcome>;
  /** How the article's annotations look with this write made (shows waiting writes after a reload). */
  apply?(annotations: AnnotationDto[], entry: OutboxEntry<Payload>): AnnotationDto[];
  /**
   * An earlier write of the same annotation was saved as `saved`: this one was
   * made on top of it (e.g. takes its version as the base version).
   */
  rebase?(entry: OutboxEntry<Payload>, saved: AnnotationDto): OutboxEntry<Payload>;
  /** The version of the annotation this write was made on, when it carries one (see rebase). */
  baseVersion?(entry: OutboxEntry<Payload>): number | undefined;
}

const kinds = new Map<string, OperationKind>();

export function registerOperationKind<Payload>(name: string, kind: OperationKind<Payload>) {
  kinds.set(name, kind as OperationKind);
}

export function operationKind(name: string): OperationKind | undefined {
  return kinds.get(name);
}
