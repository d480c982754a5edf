import { describe as suite, expect, it } from "vitest";
import { anchorAll, describeTextRange } from "./index";
import { locateWithoutPosition } from "./match-quote";
import { normalizeText } from "./normalize";
import { prepareQuote } from "./prepare-quote";
import { imported, wordProse as prose } from "./test-support/sample-texts";
import type { QuoteQuery } from "./types";
import { clearlyBestFrame, partBeside } from "./unpositioned";

/** What one annotation alone finds without a position, and what each rule of unpositioned.ts finds. */
function rules(text: string, quote: QuoteQuery): { alone: unknown; frame: unknown; part: unknown } {
  const norm = normalizeText(text);
  const pq = prepareQuote(quote);
  if (!pq) throw new Error("empty quote");
  return { alone: locateWithoutPosition(norm, pq), frame: clearlyBestFrame(norm, pq), part: partBeside(norm, pq) };
}

suite("imports: the quote clearly best between both sides of its context (clearlyBestFrame)", () => {
  // Two paragraphs of one README open alike: the prefix, and the first half
  // of the annotated quote, stand in both.
  const opening = "Spans travel to their backend of choice, to give observability to distributed systems.\n\nThis module provides automatic instrumentation for the ";
  // Both end alike too, so neither side of the context stands once.
  const other = `${opening}http module. It says nothing further about tracing, retries, sampling or the exporters, and goes on for a long while about other matters entirely, which may be loaded using the node tracer package by default.`;
  const own = `${opening}injection of trace context into dataloader batches, which may be loaded using the node tracer package and nothing else.`;
  const text = [prose(60, 1), other, prose(60, 2), own, prose(60, 3)].join("\n\n");
  const exact = "observability to distributed systems.\n\nThis module provides automatic instrumentation for the injection of trace context into dataloader batches, which";
  const item = imported(text, exact, text.indexOf(own));

  it("places the passage although a side of its context stands elsewhere next to half its quote", () => {
    const now = text.replace("injection of trace", "injection of the trace");
    expect(rules(now, item.quote).alone).toBeNull();
    const [got] = anchorAll(now, [item]);
    expect(got?.start).toBe(now.indexOf("observability", now.indexOf("injection") - 120));
    expect(rules(now, item.quote).frame).toEqual(got);
  });

  it("refuses a copy whose frame is beaten by less than a quarter of the passage's own frame, its quote rewritten", () => {
    // The annotated passage: a short quote between distinctive context.
    const passage = "The harbour master noted in red ink that the ferry sailed two hours late on Tuesday because of the fog over the bay.";
    const copy = "The harbour master noted in rod ink that the ferry sailed two hours late on Tuesday because of the fig over the bay.";
    const base = [prose(60, 4), passage, prose(60, 5), copy, prose(60, 6)].join("\n\n");
    const quote = imported(base, "that the ferry sailed two hours late on Tuesday").quote;
    // The passage's own quote is rewritten by a third; its context stands.
    const now = base.replace(passage, passage.replace("ferry sailed two hours late", "boat left three hours behind"));
    const { alone, frame } = rules(now, quote);
    expect(alone).toBeNull();
    expect(frame).toBeNull();
    expect(anchorAll(now, [{ quote }])).toEqual([null]);
  });
});

suite("imports: what a cut left beside the one side of context that stands once (partBeside)", () => {
  const passage =
    "The lighthouse keeper wrote in his logbook every evening. Storms came from the west in the autumn months and the harbour closed for weeks at a time while the village waited for supplies.";
  const text = [prose(80, 7), passage, prose(80, 8)].join("\n\n");
  const exact = "Storms came from the west in the autumn months and the harbour closed for weeks at a time";
  const item = imported(text, exact);
  // A neighbour's deletion took two thirds of the quote and its suffix; the head kept a typo.
  const now = text.replace(
    "west in the autumn months and the harbour closed for weeks at a time while the village waited for supplies.",
    "wast in the ferry timetables, which changed entirely that year.",
  );

  it("places the surviving head (a third of the quote), edited, right after its prefix", () => {
    expect(rules(now, item.quote).alone).toBeNull();
    const [got] = anchorAll(now, [item]);
    expect(got?.start).toBe(now.indexOf("Storms came"));
    expect(got && now.slice(got.start, got.end)).toMatch(/^Storms came from the wast in the/);
  });

  it("refuses it when those words stand elsewhere too, or the passage's context meets", () => {
    const elsewhere = `${now}\n\nStorms came from the west in the autumn months and nobody was surprised.`;
    expect(rules(elsewhere, item.quote).part).toBeNull();
    expect(anchorAll(elsewhere, [item])).toEqual([null]);
    const gone = text.replace(`${exact} `, "");
    expect(rules(gone, item.quote).part).toBeNull();
  });
});

suite("with positions: what a cut left beside a side of context that stands between the landmarks", () => {
  const passage =
    "The lighthouse keeper wrote in his logbook every evening. Storms came from the west in the autumn months and the harbour closed for weeks at a time while the village waited for supplies.";
  const later = "The ferry returned in spring with flour, lamp oil and letters from the mainland.";
  const text = [prose(80, 7), passage, prose(80, 8), later, prose(80, 9)].join("\n\n");
  const exact = "Storms came from the west in the autumn months and the harbour closed for weeks at a time";
  const at = text.indexOf(exact);
  const items = [describeTextRange(text, at, at + exact.length), describeTextRange(text, text.indexOf(later), text.indexOf(later) + later.length)];

  it("places the surviving third of the quote, edited, right after its prefix", () => {
    const now = text.replace(
      "west in the autumn months and the harbour closed for weeks at a time while the village waited for supplies.",
      "wast in the ferry timetables, which changed entirely that year.",
    );
    const [got, other] = anchorAll(now, items);
    expect(got?.start).toBe(now.indexOf("Storms came"));
    expect(got && now.slice(got.start, got.end)).toMatch(/^Storms came from the wast in the/);
    expect(other?.start).toBe(now.indexOf(later));
  });

  it("leaves it an orphan when the passage was deleted and its context meets", () => {
    const now = text.replace(`${exact} `, "");
    expect(anchorAll(now, items)[0]).toBeNull();
  });
});

suite("imports: what a cut left beside a side that stands once only with the words next to it (partHint)", () => {
  // Two paragraphs open alike, so the prefix stands twice and tells nothing alone.
  const opening = "Release notes follow the usual pattern for every package we publish. ";
  const sibling = `${opening}The engines are downloaded from the content network at install time and cached for later runs.`;
  const own = `${opening}The query compiler is bundled with the client and never downloaded at install time, so offline builds work.`;
  const text = [prose(60, 11), sibling, prose(60, 12), own, prose(60, 13)].join("\n\n");
  const exact = "The query compiler is bundled with the client and never downloaded at install time";
  const item = imported(text, exact, text.indexOf(own));

  it("places the surviving head when the prefix with it stands once, though the prefix alone stands twice", () => {
    // A neighbour's deletion took all but the first third of the quote, and its suffix.
    const now = text.replace("with the client and never downloaded at install time, so offline builds work.\n\n", "");
    const { alone, part } = rules(now, item.quote);
    expect(alone).toBeNull();
    const [got] = anchorAll(now, [item]);
    expect(got?.start).toBe(now.indexOf("The query compiler"));
    expect(got && now.slice(got.start, got.end)).toMatch(/^The query compiler is bundled/);
    expect(part).toEqual(got);
  });

  it("refuses nearly the whole quote beside that side when its other side is unrelated text (a sibling next to a deleted passage)", () => {
    // The sibling says the same words, then goes its own way; the passage itself was replaced.
    const twin = `${opening}${exact}. The engines are fetched from the content network instead.`;
    const base = [prose(60, 14), twin, prose(60, 15), own, prose(60, 16)].join("\n\n");
    const quote = imported(base, exact, base.indexOf(own)).quote;
    const now = base.replace(`${exact}, so offline builds work.`, "Nothing else changed in this release apart from the documentation.");
    // (The quote word for word once in the text is another rule's to weigh.)
    expect(rules(now, quote).part).toBeNull();
  });
});
