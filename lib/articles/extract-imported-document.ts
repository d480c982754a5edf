import { MAX_IMPORT_BYTES } from "@/lib/api/article-imports";
import { ArticleImportError } from "./article-import-error";
import type { ParsedArticle } from "./article-model";
import { decodeDocumentBytes } from "./decode-document-bytes";
import { extractHtmlArticle } from "./extract-html-article";
import { parseMarkdownSeed } from "./parse-markdown-seed";
import { parsePlainSeed } from "./parse-plain-seed";
import { SeedParseError } from "./seed-parse-error";
import type { ImportedContent } from "./store-imported-article";

/**
 * Everything a reader can bring — a fetched page, an uploaded file, pasted
 * text — goes through here into the article model: HTML through Readability
 * and DOMPurify (extract-html-article.ts), Markdown and plain text through the
 * seed parsers with the seeds' rules, so there is one model and one reader.
 */


export type DocumentKind = "html" | "markdown" | "text";

const UPLOAD_KINDS: Record<string, DocumentKind> = { ".html": "html", ".htm": "html", ".md": "markdown", ".txt": "text" };

/** The kind of an upload by its name, or null if Gloss cannot read it. */
export function uploadKind(fileName: string): DocumentKind | null {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? null : (UPLOAD_KINDS[fileName.slice(dot).toLowerCase()] ?? null);
}

export interface ExtractDocumentOptions {
  bytes: Uint8Array;
  kind: DocumentKind;
  /** The HTTP Content-Type (its charset is honoured); null for uploads. */
  contentType: string | null;
  /** Where it came from, for relative links; null for uploads. */
  baseUrl: string | null;
  /** The name errors mention. */
  fileName: string;
}

export function extractDocument({ bytes, kind, contentType, baseUrl, fileName }: ExtractDocumentOptions): ImportedContent {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ArticleImportError("too-large");
  // PostgreSQL text cannot hold NUL; NFC keeps anchored text stable, as for seeds.
  const text = decodeDocumentBytes(bytes, { contentType, html: kind === "html" }).replaceAll("\u0000", "").normalize("NFC");
  if (kind === "html") return extractHtmlArticle(text, { baseUrl });
  return withSeedRules(fileName, () => {
    // A fetched Markdown file rarely has the seeds' front matter: read it as plain text then.
    if (kind === "markdown" && (baseUrl === null || text.trimStart().startsWith("---"))) {
      return parseMarkdownSeed(text, { fileName, slug: "import" });
    }
    return parsePlainSeed(text, { fileName, slug: "import" });
  });
}

export interface ExtractPasteOptions {
  text: string;
  title: string | null;
}

const LOOKS_LIKE_HTML = /<(p|div|article|h[1-6]|ul|ol|blockquote|pre|br|a|em|strong|span|html|body)\b[^>]*>/i;

/** Pasted HTML (from a browser's clipboard) or plain text (one paragraph per line, seed rules). */
export function extractPaste({ text, title }: ExtractPasteOptions): ImportedContent {
  if (LOOKS_LIKE_HTML.test(text)) return extractHtmlArticle(text, { baseUrl: null, title });
  return withSeedRules("pasted text", () => {
    const article = parsePlainSeed(title ? `${title}\n${text}` : text, { fileName: "pasted text", slug: "import" });
    return { ...article, title: title || article.title };
  });
}

function withSeedRules(fileName: string, parse: () => ParsedArticle): ImportedContent {
  try {
    return parse(); // its placeholder slug is replaced when it is stored

  } catch (error) {
    if (error instanceof SeedParseError) throw new ArticleImportError("invalid-file", error.line === null ? error.detail : `line ${error.line}: ${error.detail}`);
    throw error;
  }
}
