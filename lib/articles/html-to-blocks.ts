import type { Block, Inline } from "./article-model";
import { normalizeInlines, normalizeWhitespace } from "./normalize-whitespace";
import { safeHref } from "./safe-href";
import { safeImageSrc } from "./safe-image-src";

/**
 * Sanitised article HTML (a DOM, see extract-html-article.ts) → the block
 * model the seeds use, so imported and seeded articles are read, anchored and
 * rendered by one path. Only what the model can say survives: headings,
 * paragraphs, lists, blockquotes, code, images, emphasis, strong, inline
 * code and http(s)/mailto links. Everything else keeps its text (tables,
 * definition lists, figures become paragraphs) or is dropped outright
 * (scripts, styles, forms, embeds, SVG).
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const DROPPED = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "FRAME", "OBJECT", "EMBED", "FORM", "INPUT", "BUTTON",
  "SELECT", "TEXTAREA", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "PICTURE", "SOURCE", "HEAD", "TITLE", "META",
  "LINK", "svg", "math",
]);

const BLOCK_CONTAINERS = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV", "FIGURE", "FIGCAPTION", "TABLE",
  "THEAD", "TBODY", "TFOOT", "TR", "TD", "TH", "CAPTION", "DL", "DT", "DD", "DETAILS", "SUMMARY", "ADDRESS", "CENTER",
  "HR", "BODY", "HTML", "LI",
]);

const HEADING_LEVELS: Record<string, 2 | 3 | 4> = { H1: 2, H2: 2, H3: 3, H4: 4, H5: 4, H6: 4 };

const INLINE_STYLES: Record<string, "emphasis" | "strong" | "code"> = {
  EM: "emphasis", I: "emphasis", CITE: "emphasis", DFN: "emphasis", VAR: "emphasis",
  STRONG: "strong", B: "strong",
  CODE: "code", KBD: "code", SAMP: "code", TT: "code",
};

interface Builder {
  blocks: Block[];
  inline: Inline[];
}

export function htmlToBlocks(root: Node, baseUrl: string | null): Block[] {
  const builder: Builder = { blocks: [], inline: [] };
  convertChildren(root, builder, baseUrl);
  flush(builder);
  return builder.blocks;
}

function flush(builder: Builder): void {
  const content = normalizeInlines(builder.inline);
  builder.inline = [];
  if (content.length > 0) builder.blocks.push({ type: "paragraph", content });
}

function convertChildren(parent: Node, builder: Builder, baseUrl: string | null): void {
  for (const child of Array.from(parent.childNodes)) convertNode(child, builder, baseUrl);
}

function convertNode(node: Node, builder: Builder, baseUrl: string | null): void {
  if (node.nodeType === TEXT_NODE) {
    builder.inline.push({ type: "text", text: node.nodeValue ?? "" });
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (DROPPED.has(element.tagName) || DROPPED.has(tag)) return;

  const level = HEADING_LEVELS[tag];
  if (level !== undefined) {
    flush(builder);
    const content = normalizeInlines(inlineContent(element, baseUrl));
    if (content.length > 0) builder.blocks.push({ type: "heading", level, content });
    return;
  }
  switch (tag) {
    case "UL":
    case "OL": {
      flush(builder);
      const items = listItems(element, baseUrl);
      if (items.length > 0) builder.blocks.push({ type: "list", ordered: tag === "OL", items });
      return;
    }
    case "BLOCKQUOTE": {
      flush(builder);
      const inner: Builder = { blocks: [], inline: [] };
      convertChildren(element, inner, baseUrl);
      flush(inner);
      if (inner.blocks.length > 0) builder.blocks.push({ type: "blockquote", blocks: inner.blocks });
      return;
    }
    case "PRE": {
      flush(builder);
      const text = (element.textContent ?? "").replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
      if (text.trim() !== "") builder.blocks.push({ type: "code", text });
      return;
    }
    case "IMG": {
      flush(builder);
      if (isTrackingPixel(element)) return;
      const src = safeImageSrc(element.getAttribute("src") ?? "", baseUrl ?? undefined);
      if (src !== null) builder.blocks.push({ type: "image", src, alt: normalizeWhitespace(element.getAttribute("alt") ?? "") });
      return;
    }
    case "BR":
      builder.inline.push({ type: "text", text: " " });
      return;
  }
  if (BLOCK_CONTAINERS.has(tag) || holdsOnlyImages(element)) {
    flush(builder);
    convertChildren(element, builder, baseUrl);
    flush(builder);
    return;
  }
  if (tag === "A" || INLINE_STYLES[tag] !== undefined) {
    builder.inline.push(...inlineNode(element, baseUrl));
    return;
  }
  // Spans and other phrasing wrappers: their content, in place.
  convertChildren(element, builder, baseUrl);
}

/** A 0×0 or 1×1 image is there to report a visit, not to be seen. */
function isTrackingPixel(image: Element): boolean {
  return ["width", "height"].some((side) => /^\s*[01](px)?\s*$/i.test(image.getAttribute(side) ?? ""));
}

/** A linked or wrapped image with no text (`<a><img></a>`): the image is kept as a block. */
function holdsOnlyImages(element: Element): boolean {
  return element.querySelector("img") !== null && (element.textContent ?? "").trim() === "";
}

function listItems(list: Element, baseUrl: string | null): Inline[][] {
  const items: Inline[][] = [];
  for (const child of Array.from(list.children)) {
    if (child.tagName.toUpperCase() !== "LI") continue;
    const content = normalizeInlines(inlineContent(child, baseUrl, { skipLists: true }));
    if (content.length > 0) items.push(content);
    // Nested lists are flattened after their item: the model has one level.
    for (const nested of Array.from(child.querySelectorAll(":scope > ul, :scope > ol"))) items.push(...listItems(nested, baseUrl));
  }
  return items;
}

/** The inline content of an element, block structure flattened into spaces; images dropped. */
function inlineContent(element: Element, baseUrl: string | null, options: { skipLists?: boolean } = {}): Inline[] {
  const out: Inline[] = [];
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      out.push({ type: "text", text: child.nodeValue ?? "" });
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = (child as Element).tagName.toUpperCase();
    if (options.skipLists && (tag === "UL" || tag === "OL")) continue;
    out.push(...inlineNode(child as Element, baseUrl));
  }
  return out;
}

function inlineNode(element: Element, baseUrl: string | null): Inline[] {
  const tag = element.tagName.toUpperCase();
  if (DROPPED.has(element.tagName) || DROPPED.has(tag) || tag === "IMG") return [];
  if (tag === "BR") return [{ type: "text", text: " " }];
  const children = inlineContent(element, baseUrl);
  const style = INLINE_STYLES[tag];
  if (style !== undefined) return [{ type: style, children }];
  if (tag === "A") {
    const href = resolveHref(element.getAttribute("href"), baseUrl);
    return href === null ? children : [{ type: "link", href, children }];
  }
  const spaced = BLOCK_CONTAINERS.has(tag) || HEADING_LEVELS[tag] !== undefined || tag === "PRE" || tag === "BLOCKQUOTE";
  return spaced ? [{ type: "text", text: " " }, ...children, { type: "text", text: " " }] : children;
}

function resolveHref(href: string | null, baseUrl: string | null): string | null {
  if (href === null) return null;
  if (baseUrl === null) return safeHref(href);
  try {
    return safeHref(new URL(href.trim(), baseUrl).href);
  } catch {
    return null;
  }
}
