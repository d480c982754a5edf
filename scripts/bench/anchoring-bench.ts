/**
 * Benchmark of lib/anchoring: re-anchoring 1,000 annotations on a 200,000-character
 * text of real prose, and on one that repeats whole passages (licences, quoted
 * paragraphs), after revisions of several kinds — unchanged, edited by about
 * 5 %, with 10 % of the annotated passages deleted, 5 % moved elsewhere with
 * their surroundings, short quotes given a typo fix, context rewritten, and
 * annotations imported with their quote and context only — against a
 * baseline that follows Hypothesis's published algorithm (hypothesis-baseline.ts).
 *
 *   npm run bench -- anchoring
 */

import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { CONTEXT_LENGTH, anchorAll, matchQuote, type AnchorMatch, type AnnotationSelectors } from "../../lib/anchoring";
import { clearNormalizationCache } from "../../lib/anchoring/normalize";
import { revise, type RevisionOptions, type Span } from "../../lib/anchoring/test-support/revisions";
import { mulberry32 } from "../../lib/anchoring/test-support/seeded-random";
import { ANNOTATIONS, TEXT_LENGTH, buildProse, buildRepeating, makeAnnotations } from "./anchoring-corpus";
import { baselineAnchor, baselineMatchQuote } from "./hypothesis-baseline";

const RUNS = 7;
/** The rows that measure placement more than speed, and the slow baseline: fewer runs. */
const FEW_RUNS = 2;

export interface Scenario {
  corpus: string;
  name: string;
  text: string;
  annotations: AnnotationSelectors[];
  /** Where each passage is now, in pieces where a move split it; empty when all of it is gone. */
  pieces: Span[][];
  /** Annotations whose passage was deleted, on purpose or by other edits. */
  deleted: Set<number>;
  /** Imported: the annotations carry no position. */
  imported: boolean;
  /**
   * Imports whose selector (prefix, quote and suffix together) stood twice or more, word for word, in the text the
   * annotations were made on: the selector itself cannot say which copy was meant, so a placement there is a guess.
   */
  ambiguous: Set<number>;
}

function occursTwice(text: string, needle: string): boolean {
  const first = text.indexOf(needle);
  return first !== -1 && text.indexOf(needle, first + 1) !== -1;
}

function scenario(corpus: string, name: string, base: string, annotations: AnnotationSelectors[], seed: number, options: RevisionOptions, imported = false): Scenario {
  const revision = revise(base, annotations.map((a) => a.position), mulberry32(seed), options);
  const ambiguous = new Set(imported ? annotations.flatMap(({ quote: { prefix = "", exact, suffix = "" } }, i) => (occursTwice(base, prefix + exact + suffix) ? [i] : [])) : []);
  return { corpus, name, text: revision.text, annotations, pieces: revision.pieces, deleted: revision.deleted, imported, ambiguous };
}

interface Row {
  corpus: string;
  name: string;
  method: string;
  /** How far the passages moved: median and maximum, in characters. */
  drift: [number, number];
  ms: number;
  minMs: number;
  /** CPU time of the process (the machine may be shared; wall time then overstates). */
  cpuMs: number;
  right: number;
  orphan: number;
  wrong: number;
  deleted: number;
  deletedOrphans: number;
  /** Of the placements of imports whose selector stood twice (Scenario.ambiguous): right and wrong. */
  ambiguousRight: number;
  ambiguousWrong: number;
  /** The scenario's count of such imports. */
  ambiguous: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function measure(sc: Scenario, method: string, run: () => (AnchorMatch | null)[], runs = RUNS): Row {
  run();
  if (runs === RUNS) run();
  const times: number[] = [];
  const cpu: number[] = [];
  let results: (AnchorMatch | null)[] = [];
  for (let i = 0; i < runs; i++) {
    clearNormalizationCache();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    results = run();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const drifts = sc.pieces.flatMap((p, i) => (p[0] ? [Math.abs(p[0].start - (sc.annotations[i] as AnnotationSelectors).position.start)] : []));
  const drift: [number, number] = [median(drifts), Math.max(0, ...drifts)];
  const row: Row = { corpus: sc.corpus, name: sc.name, method, drift, ms: median(times), minMs: Math.min(...times), cpuMs: median(cpu), right: 0, orphan: 0, wrong: 0, deleted: 0, deletedOrphans: 0, ambiguousRight: 0, ambiguousWrong: 0, ambiguous: sc.ambiguous.size };
  results.forEach((m, i) => {
    const pieces = sc.pieces[i] ?? [];
    if (sc.deleted.has(i)) {
      row.deleted++;
      if (m === null) row.deletedOrphans++;
      else {
        row.wrong++;
        if (sc.ambiguous.has(i)) row.ambiguousWrong++;
      }
      return;
    }
    if (m === null) row.orphan++;
    else if (pieces.some((want) => m.start < want.end && m.end > want.start)) {
      row.right++;
      if (sc.ambiguous.has(i)) row.ambiguousRight++;
    } else {
      row.wrong++;
      if (sc.ambiguous.has(i)) row.ambiguousWrong++;
    }
  });
  return row;
}

export async function runAnchoringBench(): Promise<string> {
  const { text: prose, paragraphs } = buildProse();
  const repeating = buildRepeating(paragraphs);
  // The corpus is whatever node_modules holds: installing a package changes it, and the results with it.
  const fingerprint = createHash("sha256").update(prose).update(repeating).digest("hex").slice(0, 12);
  const rows: Row[] = [];
  for (const [corpus, base, seed] of [
    ["prose", prose, 1],
    ["repeating", repeating, 2],
  ] as const) {
    const annotations = makeAnnotations(base, mulberry32(seed * 1000));
    const edited = { editRate: 0.05 };
    const deleted = { editRate: 0.05, deleteRate: 0.1 };
    const scenarios = [
      scenario(corpus, "unchanged", base, annotations, seed, {}),
      scenario(corpus, "edited 5 %", base, annotations, seed + 10, edited),
      scenario(corpus, "edited 5 % + 10 % deleted", base, annotations, seed + 20, deleted),
      scenario(corpus, "5 % of passages moved (±40 chars)", base, annotations, seed + 30, { moveRate: 0.05, moveContext: 40 }),
      scenario(corpus, "typo fixed in each 10–30-char quote", base, annotations, seed + 40, { typoRate: 1 }),
      scenario(corpus, "context rewritten around 10 %", base, annotations, seed + 50, { rewriteRate: 0.1, rewriteLength: 32 }),
      scenario(corpus, `imported (quote + ${CONTEXT_LENGTH}-char context, no position), edited 5 % + 10 % deleted`, base, annotations, seed + 20, deleted, true),
    ];
    scenarios.forEach((sc, k) => {
      const runs = k < 2 ? RUNS : FEW_RUNS;
      // An import is a W3C TextQuoteSelector: quote, prefix and suffix, and no position.
      const items = sc.imported ? sc.annotations.map(({ quote: { exact, prefix, suffix } }) => ({ quote: { exact, prefix, suffix } })) : sc.annotations;
      const add = (row: Row): void => {
        rows.push(row);
        console.error(`[anchoring] ${row.corpus} | ${row.name} | ${row.method}: ${row.right} right, ${row.wrong} wrong, ${row.cpuMs.toFixed(0)} ms CPU`);
      };
      if (!sc.imported) add(measure(sc, "matchQuote ×1000", () => sc.annotations.map((a) => matchQuote(sc.text, a.quote, a.position.start)), runs));
      add(measure(sc, "anchorAll", () => anchorAll(sc.text, items), runs));
      if (sc.name === "unchanged") return;
      const baseline = sc.imported
        ? () => sc.annotations.map((a) => baselineMatchQuote(sc.text, a.quote))
        : () => sc.annotations.map((a) => baselineAnchor(sc.text, a.quote, a.position));
      add(measure(sc, "baseline (Hypothesis) ×1000", baseline, FEW_RUNS));
    });
  }
  const lines = [
    "## Anchoring benchmark",
    "",
    `${ANNOTATIONS} annotations (quotes of 10–200 characters) on a ${TEXT_LENGTH.toLocaleString("en")}-character text; ` +
      `median (and minimum) of ${RUNS} timed runs after two warm-up runs (rows after "edited 5 %", and the baseline: ${FEW_RUNS} after one), text normalization and indexing included. "prose": README prose from node_modules; ` +
      `"repeating": license files (many near-identical versions) interleaved with prose and re-quoted paragraphs. ` +
      `Baseline: Hypothesis's published algorithm (approx-string-match, its weights for quote, prefix, suffix and position; scripts/bench/hypothesis-baseline.ts) on the same inputs. ` +
      `Targets: unchanged < 10 ms, edited 5 % < 250 ms, wrong place = 0, every deleted passage an orphan, right places ≥ the baseline's, matchQuote ≥ 5× faster than the baseline edited. ` +
      `Corpus fingerprint ${fingerprint} (it changes when the packages installed do; compare runs only with equal fingerprints).`,
    "",
    "| corpus | text | passages moved (median / max chars) | method | wall ms, median (min) | CPU ms, median | right place | orphan | wrong place | deleted → orphan |",
    "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.corpus} | ${r.name} | ${r.drift[0]} / ${r.drift[1]} | ${r.method} | ${r.ms.toFixed(1)} (${r.minMs.toFixed(1)}) | ${r.cpuMs.toFixed(1)} | ${r.right} | ${r.orphan} | ${r.wrong} | ` +
        `${r.deleted ? `${r.deletedOrphans} / ${r.deleted}` : "–"} |`,
    ),
    "",
    ...rows
      .filter((r) => r.ambiguous > 0)
      .map(
        (r) =>
          `- ${r.corpus}, imported, ${r.method}: ${r.ambiguous} of the ${ANNOTATIONS} selectors (prefix, quote and suffix together) stood twice or more, word for word, in the text the annotations were made on, ` +
          `so the selector cannot say which copy was meant; placed there: ${r.ambiguousRight} right, ${r.ambiguousWrong} wrong. ` +
          `Right places among the other selectors: **${r.right - r.ambiguousRight}**.`,
      ),
    "",
  ];
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAnchoringBench().then((md) => console.log(md));
}
