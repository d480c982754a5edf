import { routes } from "@/lib/routes";
import type { AnnotationDto, ArticleAnnotationsResponse, CreateAnnotationInput, UpdateAnnotationInput } from "./annotations";
import type { Endpoint } from "./endpoint";
import type { AnnotationRepliesResponse, CreateReplyInput, ReplyDto, UpdateReplyInput } from "./replies";

/**
 * The endpoints of annotations and their replies, for apiFetch. Apart from
 * their schemas (./annotations.ts, ./replies.ts re-export them), so that the
 * annotation layer calls the API without evaluating zod: the browser never
 * parses these requests or answers with it.
 */
export const annotationEndpoints = {
  listForArticle: (slug: string): Endpoint<undefined, ArticleAnnotationsResponse> => ({ method: "GET", path: routes.api.articleAnnotations(slug) }),
  create: (): Endpoint<CreateAnnotationInput, AnnotationDto> => ({ method: "POST", path: routes.api.annotations }),
  update: (id: string): Endpoint<UpdateAnnotationInput, AnnotationDto> => ({ method: "PATCH", path: routes.api.annotation(id) }),
  remove: (id: string): Endpoint<undefined, undefined> => ({ method: "DELETE", path: routes.api.annotation(id) }),
  get: (id: string): Endpoint<undefined, AnnotationDto> => ({ method: "GET", path: routes.api.annotation(id) }),
};

export const replyEndpoints = {
  list: (annotationId: string): Endpoint<undefined, AnnotationRepliesResponse> => ({ method: "GET", path: routes.api.annotationReplies(annotationId) }),
  create: (annotationId: string): Endpoint<CreateReplyInput, ReplyDto> => ({ method: "POST", path: routes.api.annotationReplies(annotationId) }),
  update: (id: string): Endpoint<UpdateReplyInput, ReplyDto> => ({ method: "PATCH", path: routes.api.reply(id) }),
  remove: (id: string): Endpoint<undefined, undefined> => ({ method: "DELETE", path: routes.api.reply(id) }),
  get: (id: string): Endpoint<undefined, ReplyDto> => ({ method: "GET", path: routes.api.reply(id) }),
};
