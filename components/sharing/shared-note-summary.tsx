import { ArrowRight, TriangleAlert } from "lucide-react";
import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { ColorSwatch } from "@/components/annotations/ui/color-choice";
import { ServerNoteMarkdown } from "@/components/annotations/ui/note-markdown-content";
import { visibilityChoice } from "@/components/annotations/ui/visibility";
import type { AnnotationDto } from "@/lib/api/annotations";
import { routes } from "@/lib/routes";
import type { ReaderArticle } from "@/lib/articles/get-article-by-slug";
import { FOCUS_RING } from "@/components/ui/ui-classes";
import { formatLongDate } from "@/lib/format/english-format";

/** What the visibility means to whoever is looking: the author is told who else can see it. */
function audienceOf(annotation: AnnotationDto): string {
  if (annotation.isOwn) return `${visibilityChoice(annotation.visibility).label}: ${visibilityChoice(annotation.visibility).description.toLowerCase()}`;
  return annotation.visibility === "public" ? "Public note" : "Shared by link";
}

/**
 * The shared note, server-rendered above the article: what a reader without
 * JavaScript (or a crawler) sees of it, and where anyone who scrolls back
 * up finds it again. With JavaScript the annotation layer also opens it
 * beside its passage.
 */
export function SharedNoteSummary({ annotation, article }: { annotation: AnnotationDto; article: ReaderArticle }) {
  const Icon = visibilityChoice(annotation.visibility).Icon;
  const created = new Date(annotation.createdAt);
  return (
    <section
      aria-label={`Note by ${annotation.author.name}`}
      data-shared-note=""
      className="rounded-2xl border border-rule bg-surface p-5 font-sans shadow-sm shadow-black/[0.03] sm:p-6"
    >
      <header className="flex items-start gap-3">
        <ColorSwatch color={annotation.color} className="mt-1 size-3.5" />
        <div className="min-w-0 text-sm">
          <p className="font-semibold text-ink">
            {annotation.note ? "Note" : "Highlight"} by <bdi data-shared-note-author="">{annotation.author.name}</bdi>
          </p>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-ink-muted">
            <time dateTime={annotation.createdAt}>{formatLongDate(created, "utc")}</time>
            <span aria-hidden>·</span>
            <span className="inline-flex items-center gap-1">
              <Icon aria-hidden className="size-3.5" />
              {audienceOf(annotation)}
            </span>
          </p>
        </div>
      </header>

      <blockquote
        cite={routes.article(article.slug)}
        lang={article.language}
        dir={article.direction}
        className="relative mt-4 space-y-2 ps-5 font-serif text-lg leading-relaxed text-pretty text-ink arabic:font-arabic arabic:text-xl arabic:leading-loose"
      >
        {/* The bar is the highlight's colour, laid on twice: the page's translucent tint is faint at this width. */}
        <span
          aria-hidden
          className="absolute inset-y-1 start-0 w-1 rounded-full"
          style={{ backgroundColor: `var(--highlight-${annotation.color})`, boxShadow: `inset 0 0 0 1rem var(--highlight-${annotation.color})` }}
        />
        {/* A passage can span paragraphs (blocks are joined by blank lines in the canonical text). */}
        {annotation.quote.exact.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index} className="whitespace-pre-line">
            {paragraph}
          </p>
        ))}
      </blockquote>

      {annotation.note && (
        // Notes are in whatever language their author wrote them: each finds its own direction.
        <div dir="auto" className="mt-4 text-[0.9375rem]">
          <ServerNoteMarkdown source={annotation.note} />
        </div>
      )}

      {!annotation.position && (
        <p role="note" className="mt-4 flex items-start gap-2 rounded-lg bg-ink/5 px-3 py-2.5 text-sm text-ink dark:bg-ink/10">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-accent" />
          The passage this note was attached to has changed.
        </p>
      )}

      <p className="mt-5 border-t border-rule pt-4 text-sm">
        <IntentPrefetchLink
          href={routes.article(article.slug)}
          className={`inline-flex items-center gap-1.5 rounded-md font-medium text-accent underline-offset-4 hover:underline ${FOCUS_RING}`}
        >
          Read the full article
          <ArrowRight aria-hidden className="size-4" />
        </IntentPrefetchLink>
      </p>
    </section>
  );
}
