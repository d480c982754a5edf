import type { AnnotationDto } from "@/lib/api/annotations";
import { routes } from "@/lib/routes";

/**
 * An annotation as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/),
 * so other annotation tools can read what Gloss readers write. The author is
 * named, never identified by e-mail.
 */
export const WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const WEB_ANNOTATION_CONTENT_TYPE = `application/ld+json; profile="${WEB_ANNOTATION_CONTEXT}"`;

interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

type TextualBody = { type: "TextualBody"; value: string } & (
  | { format: "text/markdown"; purpose: "commenting" }
  | { purpose: "tagging" }
);

export interface WebAnnotation {
  "@context": typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "highlighting" | "commenting";
  /** The note; with tags, a list of the note and one tagging body per tag. */
  body?: TextualBody | TextualBody[];
  target: { source: string; selector: [TextQuoteSelector] | [TextQuoteSelector, TextPositionSelector] };
  creator: { type: "Person"; name: string };
  created: string;
  modified: string;
}

export interface ToWebAnnotationOptions {
  annotation: AnnotationDto;
  /** e.g. "https://gloss.example" (see lib/http/site-origin.ts). */
  origin: string;
}

export function toWebAnnotation({ annotation, origin }: ToWebAnnotationOptions): WebAnnotation {
  const quote: TextQuoteSelector = { type: "TextQuoteSelector", ...annotation.quote };
  const { position, note, tags } = annotation;
  const bodies: TextualBody[] = [
    ...(note === null ? [] : [{ type: "TextualBody", value: note, format: "text/markdown", purpose: "commenting" } as const]),
    ...tags.map((tag) => ({ type: "TextualBody", value: tag, purpose: "tagging" }) as const),
  ];
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: new URL(routes.api.annotation(annotation.id), origin).href,
    type: "Annotation",
    motivation: note === null ? "highlighting" : "commenting",
    ...(bodies.length === 0 ? {} : { body: bodies.length === 1 && note !== null ? bodies[0] : bodies }),
    target: {
      source: new URL(routes.article(annotation.articleSlug), origin).href,
      // A detached annotation has no place in the current text, only its quote.
      selector: position ? [quote, { type: "TextPositionSelector", ...position }] : [quote],
    },
    creator: { type: "Person", name: annotation.author.name },
    created: annotation.createdAt,
    modified: annotation.updatedAt,
  };
}
