/**
 * `npm run fonts:build`: the web fonts Gloss serves, made from the installed
 * @fontsource-variable packages, written to public/fonts/ (names carry a
 * content hash, so they are cached for a year) with their @font-face rules in
 * app/fonts.generated.css and the body face's address in
 * lib/fonts/body-font.generated.ts. Run it after upgrading a font package.
 *
 * What it does to keep a first visit small:
 * - only the weight range the design uses (the wght axis instanced; the
 *   optical-size axis, 60 % of the serif's bytes, is left out);
 * - Latin split in two: a core of ASCII and typographic punctuation every
 *   English page needs, and the rest of Latin-1 in its own file that a browser
 *   fetches only for a page that uses one of those letters (unicode-range);
 * - Arabic split the same way: the letters, marks and digits of Arabic,
 *   Persian and Urdu in a core (33 KB instead of fontsource's 86 KB), the
 *   letters of other languages and the presentation forms in the rest; and the
 *   Arabic face's Latin core is only the spaces and punctuation Arabic text
 *   uses, so an Arabic excerpt fetches 39 KB of font, not 106 KB;
 *   the other scripts keep fontsource's files and ranges, fetched only where used;
 * - a fallback face per family built on a local font with the web font's
 *   metrics (size-adjust, ascent/descent overrides), so the swap moves nothing.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import subsetFont from "subset-font";
import { ROOT } from "./lib/bootstrap";

const FONTSOURCE = path.join(ROOT, "node_modules", "@fontsource-variable");
const OUT_DIR = path.join(ROOT, "public", "fonts");
const CSS_FILE = path.join(ROOT, "app", "fonts.generated.css");
const BODY_FONT_FILE = path.join(ROOT, "lib", "fonts", "body-font.generated.ts");

/** Every English page needs these; the rest of a script's range is fetched only where used. */
const CORE_RANGES: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xa0], // no-break space
  [0xa9, 0xa9], // ©
  [0xab, 0xab], // «
  [0xb7, 0xb7], // ·
  [0xbb, 0xbb], // »
  [0x2013, 0x2014], // – —
  [0x2018, 0x2019], // ‘ ’
  [0x201c, 0x201d], // “ ”
  [0x2022, 0x2022], // •
  [0x2026, 0x2026], // …
  [0x2032, 0x2033], // ′ ″
  [0x20ac, 0x20ac], // €
  [0x2192, 0x2192], // →
];

/**
 * The body face's core also holds all of Latin-1 (11 KB more): names like
 * "Bogotá" are common in English text, and a letter fetched later would
 * re-wrap its paragraph (and move everything below it) when it arrives.
 */
const BODY_CORE_RANGES: [number, number][] = [[0x20, 0x7e], [0xa0, 0xff], ...CORE_RANGES.filter(([from]) => from > 0xff)];

/**
 * What Arabic text takes from the Arabic face's Latin file: spaces, ASCII
 * digits and punctuation, guillemets, dashes, quotes and the ellipsis (an
 * excerpt ends in one), but no Latin letters.
 */
const ARABIC_TEXT_LATIN_RANGES: [number, number][] = [
  [0x20, 0x40],
  [0x5b, 0x60],
  [0x7b, 0x7e],
  [0xa0, 0xa0],
  [0xab, 0xab],
  [0xbb, 0xbb],
  [0x2013, 0x2014],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2026, 0x2026],
];

/**
 * Arabic, Persian and Urdu: punctuation, letters, every mark (a mark must come
 * from its letter's file to sit on it), digits and joiners. Rarer letters
 * (Pashto, Sindhi, Kurdish, African and Quranic extensions) and the
 * presentation forms stay in the rest, fetched only by text that uses them.
 */
const ARABIC_CORE_RANGES: [number, number][] = [
  [0x600, 0x66d],
  [0x670, 0x671],
  [0x679, 0x679],
  [0x67e, 0x67e],
  [0x686, 0x686],
  [0x688, 0x688],
  [0x691, 0x691],
  [0x698, 0x698],
  [0x6a9, 0x6a9],
  [0x6af, 0x6af],
  [0x6ba, 0x6ba],
  [0x6be, 0x6be],
  [0x6c1, 0x6c1],
  [0x6c3, 0x6c3],
  [0x6cc, 0x6cc],
  [0x6d2, 0x6d4],
  [0x6f0, 0x6f9],
  [0x200c, 0x200e],
  [0x2010, 0x2010],
];

interface Face {
  family: string;
  /** The fontsource package and its CSS file of this face. */
  css: string;
  style: "normal" | "italic";
  weight: { min: number; max: number };
  /** fontsource subsets to serve (the others are left to the fallback fonts). */
  subsets: string[];
  /** Subsets split into a core of these ranges + the rest (the others keep fontsource's ranges). */
  cores: Partial<Record<string, [number, number][]>>;
}

const LATIN_SCRIPTS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "vietnamese"];

const FACES: Face[] = [
  { family: "Source Serif 4 Variable", css: "source-serif-4/wght.css", style: "normal", weight: { min: 400, max: 700 }, subsets: LATIN_SCRIPTS, cores: { latin: BODY_CORE_RANGES } },
  { family: "Source Serif 4 Variable", css: "source-serif-4/wght-italic.css", style: "italic", weight: { min: 400, max: 700 }, subsets: LATIN_SCRIPTS, cores: { latin: BODY_CORE_RANGES } },
  { family: "Inter Variable", css: "inter/wght.css", style: "normal", weight: { min: 400, max: 600 }, subsets: LATIN_SCRIPTS, cores: { latin: CORE_RANGES } },
  { family: "Noto Naskh Arabic Variable", css: "noto-naskh-arabic/index.css", style: "normal", weight: { min: 400, max: 700 }, subsets: ["arabic", "latin", "latin-ext"], cores: { arabic: ARABIC_CORE_RANGES, latin: ARABIC_TEXT_LATIN_RANGES } },
];

/**
 * Fallback faces: a local font scaled to the web font's average width, with its
 * ascent and descent (the calculation next/font uses; metrics from each font's
 * OS/2 and hhea tables, per unit of em).
 */
const FALLBACKS = [
  { family: "Source Serif 4 Fallback", style: "normal", locals: ["Times New Roman", "Liberation Serif", "Tinos"], font: { widthAvg: 479 / 1000, ascent: 1036 / 1000, descent: 335 / 1000 }, local: { widthAvg: 832 / 2048 } },
  // Italic text (often a word inside a paragraph, whose face arrives later) gets a real italic of its own width, not a slanted roman.
  { family: "Source Serif 4 Fallback", style: "italic", locals: ["Times New Roman Italic", "Liberation Serif Italic", "Tinos Italic"], font: { widthAvg: 441 / 1000, ascent: 1036 / 1000, descent: 335 / 1000 }, local: { widthAvg: 836 / 2048 } },
  { family: "Inter Fallback", style: "normal", locals: ["Arial", "Liberation Sans", "Arimo"], font: { widthAvg: 978 / 2048, ascent: 1984 / 2048, descent: 494 / 2048 }, local: { widthAvg: 913 / 2048 } },
];

interface SourceRule {
  subset: string;
  file: string;
  ranges: [number, number][];
}

function parseRanges(value: string): [number, number][] {
  return value.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

function formatRanges(ranges: [number, number][]): string {
  return ranges.map(([from, to]) => (from === to ? `U+${from.toString(16).toUpperCase()}` : `U+${from.toString(16).toUpperCase()}-${to.toString(16).toUpperCase()}`)).join(",");
}

/** Ranges minus ranges. */
function subtract(ranges: [number, number][], minus: [number, number][]): [number, number][] {
  let result = ranges;
  for (const [cutFrom, cutTo] of minus) {
    result = result.flatMap(([from, to]): [number, number][] => {
      if (cutTo < from || cutFrom > to) return [[from, to]];
      const pieces: [number, number][] = [];
      if (from < cutFrom) pieces.push([from, cutFrom - 1]);
      if (to > cutTo) pieces.push([cutTo + 1, to]);
      return pieces;
    });
  }
  return result;
}

function textOf(ranges: [number, number][]): string {
  let text = "";
  for (const [from, to] of ranges) for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return text;
}

async function sourceRules(cssPath: string): Promise<SourceRule[]> {
  const css = await readFile(path.join(FONTSOURCE, cssPath), "utf8");
  return [...css.matchAll(/\/\* (\S+) \*\/\s*@font-face \{[^}]*?url\(\.\/files\/([^)]+)\)[^}]*?unicode-range: ([^;]+);/g)].map((match) => ({
    subset: match[1]!,
    file: match[2]!,
    ranges: parseRanges(match[3]!),
  }));
}

async function writeFont(name: string, bytes: Buffer): Promise<string> {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const file = `${name}.${hash}.woff2`;
  await writeFile(path.join(OUT_DIR, file), bytes);
  return `/fonts/${file}`;
}

function fontFace(face: Face, url: string, ranges: [number, number][]): string {
  return [
    "@font-face {",
    `  font-family: "${face.family}";`,
    `  font-style: ${face.style};`,
    "  font-display: swap;",
    `  font-weight: ${face.weight.min} ${face.weight.max};`,
    `  src: url("${url}") format("woff2");`,
    `  unicode-range: ${formatRanges(ranges)};`,
    "}",
  ].join("\n");
}

function fallbackFace(fallback: (typeof FALLBACKS)[number]): string {
  const sizeAdjust = fallback.font.widthAvg / fallback.local.widthAvg;
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
  return [
    "@font-face {",
    `  font-family: "${fallback.family}";`,
    `  font-style: ${fallback.style};`,
    `  src: ${fallback.locals.map((name) => `local("${name}")`).join(", ")};`,
    `  size-adjust: ${percent(sizeAdjust)};`,
    `  ascent-override: ${percent(fallback.font.ascent / sizeAdjust)};`,
    `  descent-override: ${percent(fallback.font.descent / sizeAdjust)};`,
    "  line-gap-override: 0%;",
    "}",
  ].join("\n");
}

async function main() {
  await mkdir(OUT_DIR, { recursive: true });
  for (const file of await readdir(OUT_DIR)) if (file.endsWith(".woff2")) await rm(path.join(OUT_DIR, file));

  const rules: string[] = [];
  // The core pieces every first frame needs: the body's face and the interface's, preloaded on every page.
  const coreUrls = { serif: "", sans: "" };
  for (const face of FACES) {
    const packageName = face.css.split("/")[0]!;
    for (const source of await sourceRules(face.css)) {
      const subset = source.subset.replace(/^.*?-(latin-ext|latin|cyrillic-ext|cyrillic|greek|vietnamese|arabic|math|symbols)-wght-(normal|italic)$/, "$1");
      if (!face.subsets.includes(subset)) continue;
      const bytes = await readFile(path.join(FONTSOURCE, packageName, "files", source.file));
      const base = source.file.replace(/-wght-(normal|italic)\.woff2$/, `-${face.style}`);
      const core = face.cores[subset];
      const pieces: { name: string; ranges: [number, number][] }[] = core
        ? [
            // source-serif-4-core-normal, noto-naskh-arabic-arabic-core-normal
            { name: `${base.slice(0, -`${subset}-${face.style}`.length)}${subset === "latin" ? "" : `${subset}-`}core-${face.style}`, ranges: core },
            { name: base, ranges: subtract(source.ranges, core) },
          ]
        : [{ name: base, ranges: source.ranges }];
      for (const piece of pieces) {
        const subsetBytes = await subsetFont(bytes, textOf(piece.ranges), { targetFormat: "woff2", variationAxes: { wght: face.weight } });
        const url = await writeFont(piece.name, subsetBytes);
        rules.push(`/* ${piece.name}: ${(subsetBytes.length / 1024).toFixed(1)} KB */\n${fontFace(face, url, piece.ranges)}`);
        if (face.style === "normal" && piece.name.endsWith("-core-normal")) {
          if (face.family.startsWith("Source Serif")) coreUrls.serif = url;
          else if (face.family.startsWith("Inter")) coreUrls.sans = url;
        }
        console.log(`${url}  ${(subsetBytes.length / 1024).toFixed(1)} KB (from ${(bytes.length / 1024).toFixed(1)} KB)`);
      }
    }
  }
  const header = "/* Generated by `npm run fonts:build` (scripts/build-fonts.ts); do not edit. */";
  await writeFile(CSS_FILE, [header, ...rules, ...FALLBACKS.map(fallbackFace)].join("\n\n") + "\n");
  await mkdir(path.dirname(BODY_FONT_FILE), { recursive: true });
  await writeFile(
    BODY_FONT_FILE,
    `// Generated by \`npm run fonts:build\` (scripts/build-fonts.ts); do not edit.\n` +
      `/** The face most text is set in (Source Serif 4, upright, ASCII and punctuation): preloaded on every page. */\n` +
      `export const BODY_FONT_URL = "${coreUrls.serif}";\n` +
      `/** The interface's face (Inter, upright, ASCII and punctuation): the header's on every page, preloaded too. */\n` +
      `export const UI_FONT_URL = "${coreUrls.sans}";\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
