import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleAnnotations } from "@/components/annotations/article-annotations";
import { ServerNoteMarkdown } from "@/components/annotations/ui/note-markdown-content";
import { ArticleView } from "@/components/reader/article-view";
import { SHARE_CARD_SIZE } from "@/components/sharing/share-card-image";
import { SharedNoteSummary } from "@/components/sharing/shared-note-summary";
import { getViewer } from "@/lib/auth/get-viewer";
import { siteOrigin } from "@/lib/http/site-origin";
import { routes } from "@/lib/routes";
import { getSharedNote } from "@/lib/sharing/get-shared-note";
import { sharePreviewDescription, sharePreviewTitle } from "@/lib/sharing/share-preview-text";

// Per viewer (an author may open their own private note), so rendered per
// request and never cached: a note made private must stop showing at once.
export const dynamic = "force-dynamic";

interface SharedNotePageProps {
  params: Promise<{ id: string }>;
}

/** One lookup per request, shared by the metadata and the page. */
const loadSharedNote = cache(async (id: string) => getSharedNote({ viewer: await getViewer(), id }));

async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return siteOrigin(`${protocol}://${host}`);
}

export async function generateMetadata({ params }: SharedNotePageProps): Promise<Metadata> {
  const { id } = await params;
  const shared = await loadSharedNote(id);
  // Before anything is said about it: a hidden note has no title, no description, no image.
  if (!shared) notFound();
  const { annotation, article } = shared;
  const title = sharePreviewTitle(annotation, article.title);
  const description = sharePreviewDescription(annotation);
  const url = routes.sharedNote(annotation.id);
  const image = { url: routes.sharedNoteImage(annotation.id), ...SHARE_CARD_SIZE, type: "image/png", alt: title };
  return {
    metadataBase: new URL(await requestOrigin()),
    title,
    description,
    alternates: { canonical: url },
    // Link notes are for whoever holds the link, so never listed by search engines; public ones may be.
    robots: annotation.visibility === "public" ? undefined : { index: false, follow: false },
    openGraph: { type: "article", siteName: "Gloss", url, title, description, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function SharedNotePage({ params }: SharedNotePageProps) {
  const { id } = await params;
  const shared = await loadSharedNote(id);
  if (!shared) notFound();
  const { annotation, article } = shared;

  return (
    <ArticleView article={article} lead={<SharedNoteSummary annotation={annotation} article={article} />}>
      <ArticleAnnotations
        slug={article.slug}
        focusAnnotationId={annotation.id}
        initialAnnotations={[annotation]}
        // The card opens on this note at once: rendered here, its Markdown needs no renderer in the browser.
        serverRenderedNote={
          annotation.note
            ? { annotationId: annotation.id, source: annotation.note, content: <ServerNoteMarkdown source={annotation.note} /> }
            : undefined
        }
      />
    </ArticleView>
  );
}
