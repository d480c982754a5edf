/**
 * The DOM <-> text layer: a root's text nodes in document order with their
 * offsets into its text (the canonical text, for the article container),
 * built by one walk over the DOM. Every offset ->
 * DOM point lookup afterwards is a binary search, so anchoring a thousand
 * annotations costs one walk plus a thousand searches instead of a thousand
 * walks.
 */
// DOM constants spelled out: the globals (NodeFilter, Node, Range) do not
// exist outside a browser-like environment, the engine's code does.
const SHOW_TEXT = 0x4;
const TEXT_NODE = 3;
const START_TO_START = 0;
const START_TO_END = 1;
const END_TO_END = 2;
const END_TO_START = 3;

function documentOf(root: Node): Document {
  const doc = root.ownerDocument ?? (root as Document);
  if (typeof doc.createRange !== "function") throw new TypeError("anchoring: root is not attached to a document");
  return doc;
}

export interface TextPoint {
  node: Text;
  offset: number;
}

export class TextNodeIndex {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private positions = new Map<Text, number>();
  private content = "";

  constructor(readonly root: Element) {
    this.refresh();
  }

  static build(root: Element): TextNodeIndex {
    return new TextNodeIndex(root);
  }

  /** Re-reads the text nodes after the DOM under the root changed (the text itself stays the same). */
  refresh(): void {
    const nodes: Text[] = [];
    const starts: number[] = [];
    const positions = new Map<Text, number>();
    const parts: string[] = [];
    let length = 0;
    const walker = documentOf(this.root).createTreeWalker(this.root, SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const data = node.data;
      if (data.length === 0) continue;
      positions.set(node, nodes.length);
      nodes.push(node);
      starts.push(length);
      parts.push(data);
      length += data.length;
    }
    this.nodes = nodes;
    this.starts = starts;
    this.positions = positions;
    this.content = parts.join("");
  }

  get text(): string {
    return this.content;
  }

  get length(): number {
    return this.text.length;
  }

  /** The index of the last node starting at or before `offset` (`strict`: strictly before). */
  private search(offset: number, strict: boolean): number {
    let low = 0;
    let high = this.starts.length - 1;
    let found = 0;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = this.starts[middle]!;
      if (strict ? start < offset : start <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /**
   * The DOM point for a text offset. A start point at a node boundary goes to
   * the beginning of the next node and an end point to the end of the previous
   * one, so a range never begins or ends in a neighbour it doesn't touch.
   */
  pointAt(offset: number, edge: "start" | "end"): TextPoint | null {
    if (this.nodes.length === 0 || offset < 0 || offset > this.text.length) return null;
    const index = this.search(offset, edge === "end" && offset > 0);
    return { node: this.nodes[index]!, offset: offset - this.starts[index]! };
  }

  rangeFor(start: number, end: number): Range | null {
    const from = this.pointAt(start, "start");
    const to = this.pointAt(end, "end");
    if (!from || !to) return null;
    const range = documentOf(this.root).createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The text offset of a DOM point inside the root, or null when it lies elsewhere. */
  offsetOf(node: Node, offset: number): number | null {
    const index = node.nodeType === TEXT_NODE ? this.positions.get(node as Text) : undefined;
    if (index !== undefined) return this.starts[index]! + offset;
    if (!this.root.contains(node)) return null;
    // An element point (or an empty text node): count the text before it.
    const range = documentOf(this.root).createRange();
    range.setStart(this.root, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  /** The text offsets a range covers, clipped to the root; null when it misses the root. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const rootRange = documentOf(this.root).createRange();
    rootRange.selectNodeContents(this.root);
    if (range.compareBoundaryPoints(END_TO_START, rootRange) >= 0) return null;
    if (range.compareBoundaryPoints(START_TO_END, rootRange) <= 0) return null;
    const startsInside = range.compareBoundaryPoints(START_TO_START, rootRange) > 0;
    const endsInside = range.compareBoundaryPoints(END_TO_END, rootRange) < 0;
    const start = startsInside ? this.offsetOf(range.startContainer, range.startOffset) : 0;
    const end = endsInside ? this.offsetOf(range.endContainer, range.endOffset) : this.text.length;
    if (start === null || end === null) return null;
    return { start, end };
  }

  /** The text nodes a span touches with the part of each it covers, in order. */
  *segments(start: number, end: number): Generator<{ node: Text; from: number; to: number }> {
    if (end <= start) return;
    for (let index = this.search(start, false); index < this.nodes.length; index++) {
      const nodeStart = this.starts[index]!;
      if (nodeStart >= end) return;
      const node = this.nodes[index]!;
      const from = Math.max(0, start - nodeStart);
      const to = Math.min(node.data.length, end - nodeStart);
      if (to > from) yield { node, from, to };
    }
  }
}
