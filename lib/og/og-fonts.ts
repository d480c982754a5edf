import { readFile } from "node:fs/promises";
import path from "node:path";
import { prepareOgFont } from "./prepare-og-font";

/**
 * Font stacks for the share card, in the reader's own faces (app/layout.tsx).
 * Each subset file is its own family: satori keeps one font per name,
 * weight and style, and falls back only along the stack it is given.
 */
const SERIF = "Source Serif 4";
const SERIF_EXT = "Source Serif 4 Latin Ext";
const SANS = "Inter";
const SANS_EXT = "Inter Latin Ext";
const ARABIC = "Noto Naskh Arabic";

export const OG_SERIF_STACK = [SERIF, SERIF_EXT, ARABIC].join(", ");
export const OG_SANS_STACK = [SANS, SANS_EXT, ARABIC].join(", ");
/** For right-to-left lines: Naskh first, since Arabic punctuation and digits exist in the Latin faces too. */
export const OG_ARABIC_STACK = [ARABIC, SERIF, SERIF_EXT].join(", ");

export interface OgFont {
  name: string;
  data: ArrayBuffer;
  weight: 400;
  style: "normal" | "italic";
}

export interface OgFonts {
  fonts: OgFont[];
  /** Whether some font can draw this character (anything else would send satori to the network for a fallback). */
  covers: (codePoint: number) => boolean;
}

const SOURCES: { name: string; style: OgFont["style"]; file: string; substitutions?: false }[] = [
  { name: SERIF, style: "normal", file: "source-serif-4/files/source-serif-4-latin-opsz-normal.woff2" },
  { name: SERIF_EXT, style: "normal", file: "source-serif-4/files/source-serif-4-latin-ext-opsz-normal.woff2" },
  { name: SERIF, style: "italic", file: "source-serif-4/files/source-serif-4-latin-opsz-italic.woff2" },
  { name: SERIF_EXT, style: "italic", file: "source-serif-4/files/source-serif-4-latin-ext-opsz-italic.woff2" },
  { name: SANS, style: "normal", file: "inter/files/inter-latin-opsz-normal.woff2" },
  { name: SANS_EXT, style: "normal", file: "inter/files/inter-latin-ext-opsz-normal.woff2" },
  // Arabic arrives pre-shaped (shape-arabic.ts), so the font's own shaping rules are left out.
  { name: ARABIC, style: "normal", file: "noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2", substitutions: false },
];

// Read from the installed @fontsource-variable packages, as Next's docs read
// OG fonts (relative to the working directory the server runs in).
const FONT_ROOT = path.join(process.cwd(), "node_modules", "@fontsource-variable");

async function load(): Promise<OgFonts> {
  const files = await Promise.all(
    SOURCES.map(async (source) => ({ source, font: await prepareOgFont(await readFile(path.join(FONT_ROOT, source.file)), source) })),
  );
  const codePoints = new Set(files.flatMap(({ font }) => [...font.codePoints]));
  return {
    fonts: files.map(({ source, font }) => ({ name: source.name, data: font.data, weight: 400, style: source.style })),
    covers: (codePoint) => codePoints.has(codePoint),
  };
}

let loaded: Promise<OgFonts> | undefined;

/** Prepared once per server process, on the first share image asked for. */
export function loadOgFonts(): Promise<OgFonts> {
  loaded ??= load().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
