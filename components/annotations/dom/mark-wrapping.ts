import { TextNodeIndex } from "@/lib/anchoring";

/**
 * The `<mark>` fallback for browsers without the CSS Custom Highlight API.
 * Text nodes are split at every span boundary first, so each span then
 * covers whole text nodes and overlapping spans simply nest their marks.
 * The text content of the root never changes, so text offsets stay valid.
 */
const MARK_ATTRIBUTE = "data-gloss";
const splitOffs = new WeakSet<Text>();

export interface MarkSpan {
  start: number;
  end: number;
  /** Becomes `data-gloss`, which highlights.css styles. */
  name: string;
}

function isOurMark(node: Node | null): node is HTMLElement {
  return node instanceof HTMLElement && node.tagName === "MARK" && node.hasAttribute(MARK_ATTRIBUTE);
}

export function wrapInMarks(root: Element, spans: readonly MarkSpan[]): void {
  const boundaries = new Set<number>();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    boundaries.add(span.start);
    boundaries.add(span.end);
  }
  // Descending, so splitting a node never moves the offsets still to be split.
  const before = TextNodeIndex.build(root);
  for (const boundary of [...boundaries].sort((a, b) => b - a)) {
    const point = before.pointAt(boundary, "start");
    if (point && point.offset > 0 && point.offset < point.node.data.length) {
      splitOffs.add(point.node.splitText(point.offset));
    }
  }

  const index = TextNodeIndex.build(root);
  const document = root.ownerDocument;
  for (const span of spans) {
    for (const { node } of index.segments(span.start, span.end)) {
      let outermost: Node = node;
      while (isOurMark(outermost.parentNode)) outermost = outermost.parentNode;
      const mark = document.createElement("mark");
      mark.setAttribute(MARK_ATTRIBUTE, span.name);
      outermost.parentNode?.insertBefore(mark, outermost);
      mark.appendChild(outermost);
    }
  }
}

export function unwrapMarks(root: Element): void {
  for (const mark of root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)) {
    mark.replaceWith(...mark.childNodes);
  }
  // Rejoin the pieces we split off, leaving the article's own text nodes as they were.
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const rejoin: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (splitOffs.has(node as Text)) rejoin.push(node as Text);
  }
  for (const piece of rejoin) {
    const previous = piece.previousSibling;
    if (previous instanceof Text) {
      previous.appendData(piece.data);
      piece.remove();
    }
  }
}
