import { Readability } from "@mozilla/readability";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { ArticleImportError } from "./article-import-error";
import { canonicalText } from "./article-model";
import { countWords } from "./article-stats";
import { htmlToBlocks } from "./html-to-blocks";
import { DEFAULT_LANGUAGE, canonicalLanguageTag, directionForLanguage } from "./language";
import { normalizeWhitespace } from "./normalize-whitespace";
import type { ImportedContent } from "./store-imported-article";

/** Never article text. (Not <noscript>: Readability finds lazy-loaded images' real sources in it. Not <form>: some sites wrap whole pages in one.) */
const PRUNED_BEFORE_READABILITY = "script, style, template, iframe, object, embed, svg, math, nav";

/** Fewer words than this is a page of navigation, a paywall or an error, not an article. */
const MIN_ARTICLE_WORDS = 20;

export interface ExtractHtmlOptions {
  /** The page's address, to resolve relative links and images; null for uploads and pastes. */
  baseUrl: string | null;
  /** A title the reader gave (paste); otherwise the page's own. */
  title?: string | null;
}

/**
 * A web page → an article, as its README says Readability should be used:
 * parsed by jsdom with scripts off and nothing loaded (jsdom's defaults: no
 * `runScripts`, no `resources`), the article found by Readability, its HTML
 * sanitised by DOMPurify on the same window (HTML only: no SVG or MathML;
 * no handlers, no `javascript:`), then converted to blocks. Raw HTML is
 * never stored or shown. Throws ArticleImportError("no-article") when there
 * is nothing worth reading.
 */
export function extractHtmlArticle(html: string, { baseUrl, title }: ExtractHtmlOptions): ImportedContent {
  const { window } = new JSDOM(html, { url: baseUrl ?? undefined });
  try {
    const document = window.document;
    const pageLanguage = document.documentElement.getAttribute("lang");
    // What the sanitiser would drop anyway, gone before Readability scores
    // the page: less to walk on script- and menu-heavy pages.
    for (const node of Array.from(document.querySelectorAll(PRUNED_BEFORE_READABILITY))) node.remove();
    const parsed = new Readability(document).parse();
    if (!parsed?.content) throw new ArticleImportError("no-article");

    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    const fragment = purify.sanitize(parsed.content, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: ["style", "form", "iframe", "input", "button", "textarea", "select"],
      FORBID_ATTR: ["style"],
      RETURN_DOM_FRAGMENT: true,
    });
    const blocks = htmlToBlocks(fragment as unknown as Node, baseUrl);
    const language = canonicalLanguageTag(parsed.lang || pageLanguage || DEFAULT_LANGUAGE) ?? DEFAULT_LANGUAGE;
    if (countWords(canonicalText(blocks), language) < MIN_ARTICLE_WORDS) throw new ArticleImportError("no-article");

    const direction = parsed.dir === "rtl" || parsed.dir === "ltr" ? parsed.dir : directionForLanguage(language);
    return {
      title: normalizeWhitespace(title || parsed.title || document.title || "") || "Untitled article",
      byline: optionalText(parsed.byline),
      credit: null,
      source: optionalText(parsed.siteName) ?? hostOf(baseUrl),
      language,
      direction,
      publishedAt: dateOrNull(parsed.publishedTime),
      blocks,
    };
  } finally {
    window.close();
  }
}

function optionalText(text: string | null | undefined): string | null {
  const normalized = normalizeWhitespace(text ?? "");
  return normalized === "" ? null : normalized;
}

function hostOf(url: string | null): string | null {
  return url === null ? null : new URL(url).hostname.replace(/^www\./, "");
}

function dateOrNull(text: string | null | undefined): Date | null {
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
