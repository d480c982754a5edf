import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import NotFound, { metadata as notFoundMetadata } from "@/app/not-found";
import { ArticleAnnotations } from "@/components/annotations/article-annotations";
import { LazyOwnArticleControls } from "@/components/articles/lazy-own-article-controls";
import { ArticleView } from "@/components/reader/article-view";
import { getArticleBySlug } from "@/lib/articles/get-article-by-slug";

// The same HTML for every viewer: rendered on first visit, then served from
// Next's cache until the article changes (revalidatePath on reseed). Nothing
// here may read cookies or the session; per-viewer UI loads on the client.
export const dynamic = "force-static";
export const revalidate = false;

interface ReaderPageProps {
  params: Promise<{ slug: string }>;
}

// Nothing is prerendered at build time, so building needs no database.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: ReaderPageProps): Promise<Metadata> {
  const { slug } = await params;
  const article = await getArticleBySlug({ slug });
  // Not notFound() here: thrown outside the page's Suspense boundary it would empty the 404's HTML (below).
  if (!article) return notFoundMetadata;
  const description = article.excerpt;
  return {
    title: article.title,
    description,
    authors: article.byline ? [{ name: article.byline }] : undefined,
    openGraph: {
      type: "article",
      title: article.title,
      description,
      siteName: "Gloss",
      publishedTime: article.publishedAt?.toISOString(),
      authors: article.byline ? [article.byline] : undefined,
    },
    twitter: { card: "summary", title: article.title, description },
  };
}

export default async function ReaderPage({ params }: ReaderPageProps) {
  const { slug } = await params;
  const article = await getArticleBySlug({ slug });
  if (!article) return <ArticleNotFoundInHtml />;

  return (
    // An imported article's owner gets their controls on the client; the HTML stays the same for all.
    <ArticleView article={article} controls={article.addedBy ? <LazyOwnArticleControls slug={article.slug} /> : undefined}>
      <ArticleAnnotations slug={article.slug} />
    </ArticleView>
  );
}

/**
 * The 404 of an unknown slug, readable without JavaScript. notFound() thrown
 * straight from the page makes Next answer its error shell, whose HTML body
 * stays empty until JavaScript renders the not-found page. Thrown inside a
 * Suspense boundary, it is still a 404, the rest of the page is rendered, and
 * the boundary shows its fallback, the same text, right away; with JavaScript
 * the not-found boundary (./not-found.tsx) takes its place. Found articles
 * have no boundary, so nothing of theirs waits for JavaScript.
 */
function ArticleNotFoundInHtml() {
  return (
    <Suspense fallback={<NotFound />}>
      <NotFoundError />
    </Suspense>
  );
}

function NotFoundError(): never {
  notFound();
}
