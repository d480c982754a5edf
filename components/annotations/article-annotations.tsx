"use client";

import dynamic from "next/dynamic";
import type { AnnotationLayerProps } from "./ui/annotation-layer";

// The article is readable without any of this: the layer (selection, painting,
// cards, panel) arrives in its own chunk once the page has rendered.
const AnnotationLayer = dynamic(() => import("./ui/annotation-layer"), { ssr: false });

/**
 * The annotation layer over the article on this page (`[data-article-text]`).
 * `focusAnnotationId` scrolls to that annotation, flashes it and opens its card
 * once loaded; `initialAnnotations` adds annotations the list endpoint doesn't
 * return to this viewer (a shared link's note), merged by id with the fetched ones.
 */
export function ArticleAnnotations(props: AnnotationLayerProps) {
  return <AnnotationLayer key={props.slug} {...props} />;
}
