/**
 * The texts and annotations of the anchoring benchmark, built offline and
 * deterministically: prose from the README files under node_modules (markup
 * stripped, files sorted by path), licences from their LICENSE files,
 * annotations from a seeded PRNG.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describeTextRange, type AnnotationSelectors } from "../../lib/anchoring";

export const TEXT_LENGTH = 200_000;
export const ANNOTATIONS = 1_000;
const NODE_MODULES = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../node_modules");

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
