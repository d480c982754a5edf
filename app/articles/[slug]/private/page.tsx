import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleAnnotations } from "@/components/annotations/article-annotations";
import { OwnArticleControls } from "@/components/articles/own-article-controls";
import { ArticleView } from "@/components/reader/article-view";
import { routes } from "@/lib/routes";
import { getArticleBySlug } from "@/lib/articles/get-article-by-slug";
import { getViewer } from "@/lib/auth/get-viewer";

// A private imported article: rendered per request for its owner only, a 404
// for everyone else, never cached. Articles everyone may read live at their
// static address (../page.tsx).
export const dynamic = "force-dynamic";

interface PrivateReaderPageProps {
  params: Promise<{ slug: string }>;
}

async function loadArticle(slug: string) {
  const article = await getArticleBySlug({ slug, viewer: await getViewer() });
  if (!article) notFound();
  if (!article.isPrivate) redirect(routes.article(article.slug));
  return article;
}

export async function generateMetadata({ params }: PrivateReaderPageProps): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return { title: article.title, description: article.excerpt, robots: { index: false, follow: false } };
}

export default async function PrivateReaderPage({ params }: PrivateReaderPageProps) {
  const article = await loadArticle((await params).slug);
  return (
    <ArticleView article={article} controls={<OwnArticleControls slug={article.slug} />}>
      <ArticleAnnotations slug={article.slug} />
    </ArticleView>
  );
}
