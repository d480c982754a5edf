import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";
import type { Block, Inline, ParsedArticle } from "./article-model";
import { parseFrontMatter } from "./markdown-front-matter";
import { safeHref } from "./safe-href";
import { normalizeInlines } from "./normalize-whitespace";
import { SeedParseError, type SeedSource } from "./seed-parse-error";

/**
 * The `.md` seed format: YAML front matter (see `markdown-front-matter.ts`)
 * followed by a CommonMark body, mapped onto the article model.
 *
 * Supported: paragraphs; `##`/`###` headings (`####` and deeper become level
 * 4); blockquotes (any supported blocks inside); ordered and unordered lists
 * whose items hold paragraphs (an item's paragraphs are joined with a space
 * into one line of text); emphasis, strong, inline code, hard breaks (→ a
 * space); links and reference links to http(s) and mailto URLs.
 *
 * Rejected with the offending line, because silently losing them would lose
 * content the author meant the reader to see: `#` headings (the title lives
 * in the front matter), images, code blocks, raw HTML, nested lists and
 * other blocks inside list items, ordered lists not starting at 1 (the reader
 * always numbers from 1), empty headings and list items, and GFM tables
 * (CommonMark does not parse them, so they would arrive as pipe soup).
 *
 * Dropped silently, because they carry no text: thematic breaks (`---`),
 * HTML comments, link reference definitions (used to resolve references),
 * and links whose URL is not http(s)/mailto keep their text but lose the
 * link (relative links have no meaning outside the original site, and
 * `javascript:` must never reach an href; see `safe-href.ts`).
 */

/** A GFM table delimiter row such as `| --- | :-: |`. */
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/m;

const HTML_COMMENT = /^\s*<!--(?:(?!-->)[\s\S])*-->\s*$/;

interface Context {
  fileName: string;
  contents: string;
  /** Link reference definitions, by normalised identifier. */
  definitions: Map<string, string>;
}

export function parseMarkdownSeed(contents: string, source: SeedSource): ParsedArticle {
  const { fileName } = source;
  if (contents.trim() === "") throw new SeedParseError(fileName, null, "file is empty");

  const tree: Root = fromMarkdown(contents, {
    extensions: [frontmatter(["yaml"])],
    mdastExtensions: [frontmatterFromMarkdown(["yaml"])],
  });

  const [first, ...body] = tree.children;
  if (first?.type !== "yaml") {
    throw new SeedParseError(
      fileName,
      1,
      'missing YAML front matter: a .md seed starts with "---", then "title: …", then "---"',
    );
  }
  const meta = parseFrontMatter(first.value, lineOf(first) ?? 1, fileName);

  const context: Context = { fileName, contents, definitions: new Map() };
  collectDefinitions(tree, context.definitions);
  const blocks = convertBlocks(body, context);
  if (!blocks.some((block) => block.type === "paragraph")) {
    throw new SeedParseError(fileName, null, "no body paragraphs after the front matter");
  }

  return { slug: source.slug, ...meta, blocks };
}

function convertBlocks(nodes: RootContent[], context: Context): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    const block = convertBlock(node, context);
    if (block !== null) blocks.push(block);
  }
  return blocks;
}

function convertBlock(node: RootContent, context: Context): Block | null {
  const fail = (detail: string): never => {
    throw new SeedParseError(context.fileName, lineOf(node), detail);
  };
  switch (node.type) {
    case "paragraph": {
      if (TABLE_DELIMITER_ROW.test(sourceOf(node, context))) {
        return fail("tables are not supported; write the data as a list or as prose");
      }
      const content = normalizeInlines(convertInlines(node.children, context));
      return content.length === 0 ? null : { type: "paragraph", content };
    }
    case "heading": {
      if (node.depth === 1) {
        return fail(
          '"#" headings are not allowed in the body: the title comes from front matter "title"; use "##" for sections',
        );
      }
      const content = normalizeInlines(convertInlines(node.children, context));
      if (content.length === 0) return fail("empty heading");
      const level = node.depth === 2 ? 2 : node.depth === 3 ? 3 : 4;
      return { type: "heading", level, content };
    }
    case "blockquote": {
      const blocks = convertBlocks(node.children, context);
      return blocks.length === 0 ? null : { type: "blockquote", blocks };
    }
    case "list": {
      if (node.ordered === true && node.start != null && node.start !== 1) {
        return fail(`ordered lists must start at 1 (this one starts at ${node.start}); the reader numbers from 1`);
      }
      const items = node.children.map((item) => convertListItem(item.children, lineOf(item), context));
      return { type: "list", ordered: node.ordered === true, items };
    }
    case "thematicBreak":
    case "definition":
      return null;
    case "html":
      return HTML_COMMENT.test(node.value) ? null : fail("raw HTML is not supported");
    case "code":
      return fail("code blocks are not supported; use `inline code` inside a paragraph");
    case "yaml":
      return fail("unexpected second front matter block");
    default:
      return fail(`unsupported Markdown construct "${node.type}"`);
  }
}

/** One list item → one line of inline text; its paragraphs joined by a space. */
function convertListItem(children: RootContent[], line: number | null, context: Context): Inline[] {
  const parts: Inline[] = [];
  for (const child of children) {
    if (child.type === "definition") continue;
    if (child.type !== "paragraph") {
      const detail =
        child.type === "list"
          ? "nested lists are not supported; flatten the list"
          : `a list item may only contain paragraphs, not "${child.type}"`;
      throw new SeedParseError(context.fileName, lineOf(child), detail);
    }
    const block = convertBlock(child, context);
    if (block?.type === "paragraph") parts.push({ type: "text", text: " " }, ...block.content);
  }
  const content = normalizeInlines(parts);
  if (content.length === 0) throw new SeedParseError(context.fileName, line, "empty list item");
  return content;
}

function convertInlines(nodes: PhrasingContent[], context: Context): Inline[] {
  return nodes.flatMap((node) => convertInline(node, context));
}

function convertInline(node: PhrasingContent, context: Context): Inline[] {
  const fail = (detail: string): never => {
    throw new SeedParseError(context.fileName, lineOf(node), detail);
  };
  switch (node.type) {
    case "text":
      return [{ type: "text", text: node.value }];
    case "emphasis":
    case "strong":
      return [{ type: node.type, children: convertInlines(node.children, context) }];
    case "inlineCode":
      return [{ type: "code", children: [{ type: "text", text: node.value }] }];
    case "break":
      return [{ type: "text", text: " " }];
    case "link":
      return linkOrText(node.url, convertInlines(node.children, context));
    case "linkReference":
      return linkOrText(context.definitions.get(node.identifier) ?? "", convertInlines(node.children, context));
    case "html":
      return HTML_COMMENT.test(node.value) ? [] : fail("raw HTML is not supported");
    case "image":
    case "imageReference":
      return fail("images are not supported");
    default:
      return fail(`unsupported Markdown construct "${node.type}"`);
  }
}

function linkOrText(url: string, children: Inline[]): Inline[] {
  const href = safeHref(url);
  return href === null ? children : [{ type: "link", href, children }];
}

function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === "definition" && !into.has(node.identifier)) into.set(node.identifier, node.url);
  if ("children" in node) for (const child of node.children) collectDefinitions(child, into);
}

function lineOf(node: Nodes): number | null {
  return node.position?.start.line ?? null;
}

function sourceOf(node: Nodes, context: Context): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : context.contents.slice(start, end);
}
