/**
 * Benchmark of lib/anchoring: re-anchoring 1,000 annotations on a 200,000-character
 * article of real prose, unchanged, edited by about 5 %, and edited with 10 % of
 * the annotated passages deleted outright; on plain prose and on a text that
 * repeats whole passages (licenses, quoted paragraphs).
 *
 * Offline and deterministic: the prose comes from the README files under
 * node_modules (markup stripped, files sorted by path), the licenses from their
 * LICENSE files, and annotations and edits from a seeded PRNG.
 *
 *   npx tsx scripts/bench/anchoring-bench.ts
 */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { anchorAll, describeTextRange, matchQuote, type AnchorMatch, type AnnotationSelectors } from "../../lib/anchoring";
import { clearNormalizationCache } from "../../lib/anchoring/normalize";
import { mulberry32 } from "../../lib/anchoring/test-support/seeded-random";
import { applyEdits, mapRange, type TextEdit } from "../../lib/anchoring/test-support/text-edits";

const TEXT_LENGTH = 200_000;
const ANNOTATIONS = 1_000;
const EDIT_RATE = 0.05;
const DELETE_RATE = 0.1;
const RUNS = 7;
const NODE_MODULES = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../node_modules");

// ---------------------------------------------------------------- corpus


/** Files under node_modules whose base name matches, sorted by path. */
function findFiles(test: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (depth < 4 && name !== ".bin" && name !== ".cache") walk(full, depth + 1);
      } else if (test(name)) out.push(full);
    }
  };
  walk(NODE_MODULES, 0);
  return out.sort();
}

/** Prose paragraphs of a Markdown README: code, tables, HTML and link syntax removed. */
function proseParagraphs(markdown: string): string[] {
  const text = markdown
    .replace(/\r\n?/g, "\n")
    .replace(/(```|~~~)[\s\S]*?\1/g, "\n")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>\n]*>/g, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/`([^`\n]*)`/g, "$1")
    .replace(/[*_]{1,3}([^*_\n]+)[*_]{1,3}/g, "$1");
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split("\n").filter((l) => !/^( {4}|\t)/.test(l) && !l.includes("|"));
    const para = lines
      .map((l) => l.replace(/^\s*(#+|>|[-*+]|\d+\.)\s+/, "").trim())
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    if (para.length < 80 || para.split(" ").length < 12) continue;
    if (/https?:|[{};=<>$\\]|\.\w+\(/.test(para)) continue;
    const letters = para.replace(/[^A-Za-z ]/g, "").length;
    if (letters / para.length < 0.9) continue;
    out.push(para);
  }
  return out;
}

export function buildProse(): { text: string; paragraphs: string[] } {
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const file of findFiles((n) => /^readme(\.md|\.markdown)?$/i.test(n))) {
    for (const p of proseParagraphs(readFileSync(file, "utf8"))) {
      if (!seen.has(p)) {
        seen.add(p);
        paragraphs.push(p);
      }
    }
  }
  return { text: paragraphs.join("\n\n").slice(0, TEXT_LENGTH), paragraphs };
}

/** Licenses (many near-identical versions) interleaved with prose and repeated quotations. */
export function buildRepeating(paragraphs: string[]): string {
  const licenses = findFiles((n) => /^(licen[cs]e|copying)(\.md|\.txt|-mit)?$/i.test(n))
    .map((f) => readFileSync(f, "utf8").replace(/\r\n?/g, "\n").trim())
    .filter((t) => t.length > 200 && t.length < 20_000);
  const parts: string[] = [];
  let length = 0;
  let p = 0;
  for (let i = 0; length < TEXT_LENGTH && licenses.length > 0; i++) {
    const piece = [licenses[i % licenses.length] as string, paragraphs[p++ % paragraphs.length] as string];
    // A paragraph quoted again later, word for word, like a speech cited twice.
    if (i % 4 === 3 && p > 8) piece.push(`“${paragraphs[p - 8] as string}”`);
    parts.push(...piece);
    length += piece.reduce((sum, s) => sum + s.length + 2, 0);
  }
  return parts.join("\n\n").slice(0, TEXT_LENGTH);
}

// ---------------------------------------------------------------- annotations and edits

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

export function makeAnnotations(text: string, rand: () => number): AnnotationSelectors[] {
  const out: AnnotationSelectors[] = [];
  while (out.length < ANNOTATIONS) {
    const length = 10 + Math.floor(rand() * 191);
    let start = Math.floor(rand() * (text.length - length));
    while (start < text.length && !(isSpace(text[start - 1]) && !isSpace(text[start]))) start++;
    let end = Math.min(text.length, start + length);
    while (end > start && !(isSpace(text[end]) && !isSpace(text[end - 1]))) end--;
    if (end - start < 10 || end - start > 200) continue;
    out.push(describeTextRange(text, start, end));
  }
  return out;
}

/** Random typos and inserted/deleted words until about `rate` of the text changed. */
function randomEdits(text: string, rand: () => number, rate: number, taken: Uint8Array): TextEdit[] {
  const edits: TextEdit[] = [];
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const wordAt = (p: number): [number, number] => {
    let s = p;
    while (s > 0 && !isSpace(text[s - 1])) s--;
    let e = p;
    while (e < text.length && !isSpace(text[e])) e++;
    return [s, e];
  };
  const free = (from: number, to: number): boolean => {
    for (let i = Math.max(0, from - 1); i < Math.min(text.length, to + 1); i++) if (taken[i]) return false;
    return true;
  };
  let changed = 0;
  while (changed < rate * text.length) {
    const p = Math.floor(rand() * text.length);
    if (isSpace(text[p])) continue;
    const [ws, we] = wordAt(p);
    const kind = rand();
    let edit: TextEdit;
    if (kind < 0.4) {
      const letter = letters[Math.floor(rand() * 26)] as string;
      const sub = rand();
      if (sub < 0.25) edit = { at: p, del: 1, ins: letter };
      else if (sub < 0.5) edit = { at: p, del: 1, ins: "" };
      else if (sub < 0.75) edit = { at: p, del: 0, ins: letter };
      else if (p + 1 < we) edit = { at: p, del: 2, ins: (text[p + 1] ?? "") + (text[p] ?? "") };
      else continue;
    } else if (kind < 0.7) {
      const [vs, ve] = wordAt(Math.floor(rand() * text.length));
      const word = text.slice(vs, ve);
      if (word.length === 0 || word.length > 15) continue;
      edit = { at: ws, del: 0, ins: `${word} ` };
    } else {
      if (we >= text.length || text[we] !== " ") continue;
      edit = { at: ws, del: we + 1 - ws, ins: "" };
    }
    if (!free(edit.at, edit.at + Math.max(1, edit.del))) continue;
    for (let i = edit.at; i < edit.at + Math.max(1, edit.del); i++) taken[i] = 1;
    edits.push(edit);
    changed += Math.max(edit.del, edit.ins.length);
  }
  return edits;
}

// ---------------------------------------------------------------- measuring

export interface Scenario {
  corpus: string;
  name: string;
  text: string;
  annotations: AnnotationSelectors[];
  /** Where each passage is now, or null when all of it was deleted. */
  expected: ({ start: number; end: number } | null)[];
  /** Annotations whose passage was deleted on purpose. */
  deleted: Set<number>;
}

export function scenario(corpus: string, name: string, base: string, annotations: AnnotationSelectors[], seed: number, editRate: number, deleteRate: number): Scenario {
  const rand = mulberry32(seed);
  const taken = new Uint8Array(base.length);
  const edits: TextEdit[] = [];
  const deleted = new Set<number>();
  // Exactly `deleteRate` of the annotated passages, picked at random among
  // those not overlapping one already picked.
  const order = annotations.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  for (const i of order) {
    if (deleted.size >= Math.round(deleteRate * annotations.length)) break;
    const { start, end } = (annotations[i] as AnnotationSelectors).position;
    let clash = false;
    for (let k = Math.max(0, start - 1); k < end + 1 && !clash; k++) clash = taken[k] === 1;
    if (clash) continue;
    taken.fill(1, start, end);
    edits.push({ at: start, del: end - start, ins: "" });
    deleted.add(i);
  }
  if (editRate > 0) edits.push(...randomEdits(base, rand, editRate, taken));
  const edited = applyEdits(base, edits);
  const text = edited.text;
  const expected = annotations.map(({ position: { start, end } }) => mapRange(edited, start, end));
  for (let i = 0; i < expected.length; i++) if (expected[i] === null) deleted.add(i);
  return { corpus, name, text, annotations, expected, deleted };
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
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function measure(sc: Scenario, method: string, run: () => (AnchorMatch | null)[]): Row {
  run();
  run();
  const times: number[] = [];
  const cpu: number[] = [];
  let results: (AnchorMatch | null)[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearNormalizationCache();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    results = run();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const drifts = sc.expected.flatMap((e, i) => (e ? [Math.abs(e.start - (sc.annotations[i] as AnnotationSelectors).position.start)] : []));
  const drift: [number, number] = [median(drifts), Math.max(0, ...drifts)];
  const row: Row = { corpus: sc.corpus, name: sc.name, method, drift, ms: median(times), minMs: Math.min(...times), cpuMs: median(cpu), right: 0, orphan: 0, wrong: 0, deleted: 0, deletedOrphans: 0 };
  results.forEach((m, i) => {
    const want = sc.expected[i];
    if (sc.deleted.has(i)) {
      row.deleted++;
      if (m === null) row.deletedOrphans++;
      else row.wrong++;
      return;
    }
    if (m === null) row.orphan++;
    else if (want && m.start < want.end && m.end > want.start) row.right++;
    else row.wrong++;
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
    const scenarios = [
      scenario(corpus, "unchanged", base, annotations, seed, 0, 0),
      scenario(corpus, "edited 5 %", base, annotations, seed + 10, EDIT_RATE, 0),
      scenario(corpus, "edited 5 % + 10 % deleted", base, annotations, seed + 20, EDIT_RATE, DELETE_RATE),
    ];
    for (const sc of scenarios) {
      rows.push(measure(sc, "matchQuote ×1000", () => sc.annotations.map((a) => matchQuote(sc.text, a.quote, a.position.start))));
      rows.push(measure(sc, "anchorAll", () => anchorAll(sc.text, sc.annotations)));
    }
  }
  const lines = [
    "## Anchoring benchmark",
    "",
    `${ANNOTATIONS} annotations (quotes of 10–200 characters) on a ${TEXT_LENGTH.toLocaleString("en")}-character text; ` +
      `median (and minimum) of ${RUNS} timed runs after two warm-up runs, text normalization and indexing included. "prose": README prose from node_modules; ` +
      `"repeating": license files (many near-identical versions) interleaved with prose and re-quoted paragraphs. ` +
      `Targets: unchanged < 10 ms, edited 5 % < 250 ms, wrong place = 0, every deleted passage an orphan. ` +
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
  ];
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAnchoringBench().then((md) => console.log(md));
}
