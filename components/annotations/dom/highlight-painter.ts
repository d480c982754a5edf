import type { HighlightColorName } from "@/lib/api/annotations";
import { wrapInMarks, unwrapMarks } from "./mark-wrapping";
import { TextNodeIndex } from "@/lib/anchoring";

/** One annotation's place in the text, as the painter needs it. */
export interface PaintedSpan {
  id: string;
  start: number;
  end: number;
  color: HighlightColorName;
  /** Others' annotations are underlined, not filled: they are not the reader's own marks. */
  own: boolean;
}

export interface HighlightPainter {
  /** The article's text nodes, kept current through any DOM changes the painter makes. */
  readonly index: TextNodeIndex;
  /** Brings the painted set in line with `spans`, touching only what changed. */
  sync(spans: readonly PaintedSpan[]): void;
  /** Briefly marks a passage so the eye finds it after a scroll. */
  flash(start: number, end: number): void;
  dispose(): void;
}

/** Names shared with highlights.css (`::highlight(name)` and `mark[data-gloss=name]`). */
export function highlightNameOf(span: Pick<PaintedSpan, "color" | "own">): string {
  return span.own ? `gloss-${span.color}` : "gloss-others";
}
const OVERLAP = "gloss-overlap";
const FLASH = "gloss-flash";
const FLASH_FADE = "gloss-flash-fade";
const FLASH_STEPS_MS = { fade: 900, clear: 1500 };

function sameSpan(a: PaintedSpan, b: PaintedSpan): boolean {
  return a.start === b.start && a.end === b.end && a.color === b.color && a.own === b.own;
}

/**
 * Stretches where two or more of the reader's own highlights overlap. Same
 * coloured ranges in one Highlight paint as their union, so nesting would be
 * invisible without a layer that deepens the shared part.
 */
export function overlapSegments(spans: readonly PaintedSpan[]): Array<{ start: number; end: number }> {
  const edges: Array<[offset: number, delta: number]> = [];
  for (const span of spans) {
    if (!span.own || span.end <= span.start) continue;
    edges.push([span.start, 1], [span.end, -1]);
  }
  // Ends before starts at the same offset: touching highlights don't overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const segments: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let openedAt = 0;
  for (const [offset, delta] of edges) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openedAt = offset;
    if (before >= 2 && depth < 2 && offset > openedAt) segments.push({ start: openedAt, end: offset });
  }
  return segments;
}

export function supportsCustomHighlights(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
}

export function createHighlightPainter(root: Element): HighlightPainter {
  return supportsCustomHighlights() ? new CustomHighlightPainter(root) : new MarkPainter(root);
}

/** Paints with the CSS Custom Highlight API: Ranges in named Highlights, the article DOM untouched. */
class CustomHighlightPainter implements HighlightPainter {
  readonly index: TextNodeIndex;
  private readonly painted = new Map<string, { span: PaintedSpan; range: Range }>();
  private readonly highlights = new Map<string, Highlight>();
  /** Overlap segments by "start:end", so a change re-paints only the segments that changed. */
  private overlaps = new Map<string, Range>();
  private flashTimers: number[] = [];

  constructor(root: Element) {
    this.index = TextNodeIndex.build(root);
  }

  private highlight(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      if (name === OVERLAP) highlight.priority = 1;
      if (name === FLASH || name === FLASH_FADE) highlight.priority = 2;
      this.highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  sync(spans: readonly PaintedSpan[]): void {
    let changed = false;
    const wanted = new Map(spans.map((span) => [span.id, span]));
    for (const [id, { span, range }] of this.painted) {
      const next = wanted.get(id);
      if (next && sameSpan(span, next)) continue;
      this.highlight(highlightNameOf(span)).delete(range);
      this.painted.delete(id);
      changed = true;
    }
    for (const span of spans) {
      if (this.painted.has(span.id)) continue;
      const range = this.index.rangeFor(span.start, span.end);
      if (!range) continue;
      this.highlight(highlightNameOf(span)).add(range);
      this.painted.set(span.id, { span, range });
      changed = true;
    }
    if (changed) this.repaintOverlaps(spans);
  }

  private repaintOverlaps(spans: readonly PaintedSpan[]) {
    const overlap = this.highlight(OVERLAP);
    const next = new Map<string, Range>();
    for (const { start, end } of overlapSegments(spans.filter((span) => this.painted.has(span.id)))) {
      const key = `${start}:${end}`;
      const range = this.overlaps.get(key) ?? this.index.rangeFor(start, end);
      if (range) next.set(key, range);
    }
    for (const [key, range] of this.overlaps) if (!next.has(key)) overlap.delete(range);
    for (const [key, range] of next) if (!this.overlaps.has(key)) overlap.add(range);
    this.overlaps = next;
  }

  flash(start: number, end: number): void {
    const range = this.index.rangeFor(start, end);
    if (!range) return;
    this.clearFlash();
    this.highlight(FLASH).add(range);
    this.flashTimers = [
      window.setTimeout(() => {
        this.highlight(FLASH).clear();
        this.highlight(FLASH_FADE).add(range);
      }, FLASH_STEPS_MS.fade),
      window.setTimeout(() => this.clearFlash(), FLASH_STEPS_MS.clear),
    ];
  }

  private clearFlash() {
    this.flashTimers.forEach((timer) => window.clearTimeout(timer));
    this.flashTimers = [];
    this.highlights.get(FLASH)?.clear();
    this.highlights.get(FLASH_FADE)?.clear();
  }

  dispose(): void {
    this.clearFlash();
    for (const [name, highlight] of this.highlights) {
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
    this.highlights.clear();
    this.painted.clear();
    this.overlaps.clear();
  }
}

/**
 * Where the Highlight API is missing: wrap each span's text in `<mark>`
 * elements (nested where spans overlap). Any change repaints everything,
 * which is fine for the few browsers that land here.
 */
class MarkPainter implements HighlightPainter {
  readonly index: TextNodeIndex;
  private spans: readonly PaintedSpan[] = [];
  private flashSpan: { start: number; end: number; name: string } | null = null;
  private flashTimers: number[] = [];

  constructor(private readonly root: Element) {
    this.index = TextNodeIndex.build(root);
  }

  sync(spans: readonly PaintedSpan[]): void {
    const unchanged =
      spans.length === this.spans.length && spans.every((span, i) => span.id === this.spans[i]?.id && sameSpan(span, this.spans[i]!));
    if (unchanged) return;
    this.spans = spans;
    this.repaint();
  }

  private repaint() {
    unwrapMarks(this.root);
    const marks = this.spans.map((span) => ({ start: span.start, end: span.end, name: highlightNameOf(span) }));
    if (this.flashSpan) marks.push(this.flashSpan);
    wrapInMarks(this.root, marks);
    this.index.refresh();
  }

  flash(start: number, end: number): void {
    this.flashTimers.forEach((timer) => window.clearTimeout(timer));
    this.flashSpan = { start, end, name: FLASH };
    this.repaint();
    this.flashTimers = [
      window.setTimeout(() => {
        this.flashSpan = { start, end, name: FLASH_FADE };
        this.repaint();
      }, FLASH_STEPS_MS.fade),
      window.setTimeout(() => {
        this.flashSpan = null;
        this.repaint();
      }, FLASH_STEPS_MS.clear),
    ];
  }

  dispose(): void {
    this.flashTimers.forEach((timer) => window.clearTimeout(timer));
    unwrapMarks(this.root);
  }
}
