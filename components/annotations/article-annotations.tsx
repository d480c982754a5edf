// Placeholder: the annotation layer (selection toolbar, highlights, side panel) mounts here.
export function ArticleAnnotations(_props: { slug: string }) {
  return null;
}
