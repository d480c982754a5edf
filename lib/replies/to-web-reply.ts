import { routes } from "@/lib/routes";
import { WEB_ANNOTATION_CONTEXT } from "@/lib/annotations/to-web-annotation";
import type { ReplyDto } from "@/lib/api/replies";

/**
 * A reply as a W3C Web Annotation: motivation `replying`, whose target is the
 * IRI of the annotation it answers (https://www.w3.org/TR/annotation-vocab/#replying).
 */
export interface WebReply {
  "@context": typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "replying";
  body: { type: "TextualBody"; value: string; format: "text/markdown"; purpose: "replying" };
  target: string;
  creator: { type: "Person"; name: string };
  created: string;
  modified: string;
}

export function toWebReply(reply: ReplyDto, origin: string): WebReply {
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: new URL(routes.api.reply(reply.id), origin).href,
    type: "Annotation",
    motivation: "replying",
    body: { type: "TextualBody", value: reply.body, format: "text/markdown", purpose: "replying" },
    target: new URL(routes.api.annotation(reply.annotationId), origin).href,
    creator: { type: "Person", name: reply.author.name },
    created: reply.createdAt,
    modified: reply.updatedAt,
  };
}

/** The replies on one annotation as a W3C AnnotationCollection, all on its first page. */
export function toWebReplyCollection(annotationId: string, replies: ReplyDto[], origin: string) {
  const id = new URL(routes.api.annotationReplies(annotationId), origin).href;
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id,
    type: "AnnotationCollection",
    total: replies.length,
    first: { id: `${id}?page=0`, type: "AnnotationPage", startIndex: 0, items: replies.map((reply) => toWebReply(reply, origin)) },
  };
}
