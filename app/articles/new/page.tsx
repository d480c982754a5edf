import type { Metadata } from "next";
import { AddArticleForms } from "@/components/articles/add-article-forms";
import { SaveToGlossBookmarklet } from "@/components/articles/save-to-gloss-bookmarklet";
import { requireUserOrRedirect } from "@/lib/auth/get-viewer";

export const metadata: Metadata = { title: "Add article" };

interface AddArticlePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Adding an article by link, file or paste; `?url=` (the bookmarklet) fills in the link and adds it. */
export default async function AddArticlePage({ searchParams }: AddArticlePageProps) {
  const { url } = await searchParams;
  const initialUrl = typeof url === "string" ? url : "";
  await requireUserOrRedirect(initialUrl ? `/articles/new?url=${encodeURIComponent(initialUrl)}` : "/articles/new");
  return (
    <div className="mx-auto max-w-[40rem] px-5 pt-12 pb-16 sm:px-8 sm:pt-16">
      <h1 className="font-serif text-[2.25rem] leading-[1.1] font-semibold tracking-[-0.02em] text-ink sm:text-[2.75rem]">Add article</h1>
      <p className="mt-3 font-serif text-lg leading-[1.6] text-ink-muted">
        Bring your own reading. Gloss keeps the article&apos;s text, headings, links and pictures — never its scripts or ads — and
        it stays yours alone until you make it public.
      </p>
      <AddArticleForms initialUrl={initialUrl} />
      <SaveToGlossBookmarklet />
    </div>
  );
}
