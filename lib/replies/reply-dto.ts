/**
 * The JSON shape of a reply between the API and the reader's client (the
 * contract; lib/validation/reply-schemas.ts enforces the inputs).
 */
export interface ReplyDto {
  id: string;
  annotationId: string;
  /** Markdown source. */
  body: string;
  author: { id: string; name: string };
  /** The viewer wrote it: they may edit and delete it. */
  isOwn: boolean;
  /** The viewer may delete it: their own, or any reply on their annotation. */
  canDelete: boolean;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/annotations/{id}/replies */
export interface CreateReplyInput {
  /** UUID v4 chosen by the client: a retried post makes one reply. */
  id: string;
  body: string;
}

/** PATCH /api/replies/{id} */
export interface UpdateReplyInput {
  body: string;
}

/** GET /api/annotations/{id}/replies: oldest first. */
export interface AnnotationRepliesResponse {
  replies: ReplyDto[];
}
