import { ImageResponse } from "next/og";
import { createElement } from "react";
import sharp from "sharp";
import { afterEach, expect, it, vi } from "vitest";
import { SHARE_CARD_SIZE, ShareCardImage, type ShareCardImageProps } from "@/components/sharing/share-card-image";
import { loadOgFonts } from "./og-fonts";

/**
 * Real share cards, rendered by next/og with our prepared fonts and read
 * back pixel by pixel: the quote is drawn, in lines aligned to the side its
 * script reads from, and nothing is fetched from the network.
 */

afterEach(() => vi.restoreAllMocks());

const QUOTE_AREA = { top: 130, bottom: 450 };

async function renderCard(props: Omit<ShareCardImageProps, "covers" | "authorName" | "kind">) {
  const { fonts, covers } = await loadOgFonts();
  const card = createElement(ShareCardImage, { authorName: "Amina Author", kind: "note", covers, ...props });
  const png = Buffer.from(await new ImageResponse(card, { ...SHARE_CARD_SIZE, fonts }).arrayBuffer());
  return sharp(png).raw().toBuffer({ resolveWithObject: true });
}

type Pixels = Awaited<ReturnType<typeof renderCard>>;

interface Line {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The lines of dark (ink-coloured) text between two heights, as boxes. */
function inkLines({ data, info }: Pixels, { top, bottom }: { top: number; bottom: number }): Line[] {
  const lines: Line[] = [];
  for (let y = top; y < bottom; y++) {
    let left = Infinity;
    let right = -1;
    for (let x = 0; x < info.width; x++) {
      const at = (y * info.width + x) * info.channels;
      if (data[at]! + data[at + 1]! + data[at + 2]! < 330) [left, right] = [Math.min(left, x), x];
    }
    if (right < 0) continue;
    const last = lines.at(-1);
    // A gap shorter than this is the one between a letter and its dots or marks, not between lines.
    if (last && y - last.bottom < 12) Object.assign(last, { bottom: y, left: Math.min(last.left, left), right: Math.max(last.right, right) });
    else lines.push({ top: y, bottom: y, left, right });
  }
  return lines;
}

/** The horizontal extent of the pixels in exactly this colour (the highlight bar). */
function columnsOf({ data, info }: Pixels, hex: string): { left: number; right: number } {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  let [left, right] = [Infinity, -1];
  for (let p = 0; p < info.width * info.height; p++) {
    const at = p * info.channels;
    if (data[at] === r && data[at + 1] === g && data[at + 2] === b) [left, right] = [Math.min(left, p % info.width), Math.max(right, p % info.width)];
  }
  return { left, right };
}

it("draws an English quote left-aligned beside its highlight bar", async () => {
  const card = await renderCard({
    quote: "A marginal note is written by a reader, for that reader, in the moment of reading, and it depends on that moment for its meaning.",
    articleTitle: "The Reader in the Margin",
    color: "green",
  });
  expect([card.info.width, card.info.height]).toEqual([1200, 630]);
  expect(columnsOf(card, "#6cc283").right).toBeLessThan(100);
  const lines = inkLines(card, QUOTE_AREA);
  expect(lines).toHaveLength(4);
  for (const line of lines) expect(Math.abs(line.left - lines[0]!.left), JSON.stringify(line)).toBeLessThan(8);
  expect(lines[0]!.left).toBeLessThan(200);
  expect(Math.max(...lines.map((line) => line.right))).toBeGreaterThan(900);
});

it("fits a long quote, cut short, in five lines above the footer", async () => {
  const sentence = "Every reader has, at some point, been caught with a pencil in a book, and left a trail of exclamation marks beside it. ";
  const card = await renderCard({ quote: sentence.repeat(4), articleTitle: "The Reader in the Margin", color: "blue" });
  const lines = inkLines(card, QUOTE_AREA);
  expect(lines).toHaveLength(5);
  expect(lines.at(-1)!.bottom).toBeLessThan(QUOTE_AREA.bottom - 20);
});

it("sets an Arabic quote right to left: bar on the right, lines aligned to it", async () => {
  const card = await renderCard({
    quote: "من المتن إلى الحاشية جرت عادة العلماء على أن يبدأ التأليف في كثير من العلوم بـالمتن",
    articleTitle: "الحواشي: حين صار هامش المخطوطة مجلسًا للعلم",
    color: "purple",
  });
  expect(columnsOf(card, "#ad92f2").left).toBeGreaterThan(1100);
  const lines = inkLines(card, QUOTE_AREA);
  expect(lines).toHaveLength(2);
  for (const line of lines) expect(Math.abs(line.right - lines[0]!.right), JSON.stringify(line)).toBeLessThan(12);
  expect(lines[0]!.right).toBeGreaterThan(1000);
  // The shorter second line hangs from the right.
  expect(lines[1]!.left).toBeGreaterThan(lines[0]!.left + 200);
});

it("fetches nothing, even for characters no font has (they are left out)", async () => {
  // next/og loads its own WebAssembly from data: URLs; a missing glyph would send it to a font service over https.
  const fetchFromNetwork = vi.fn();
  const fetchData = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith("data:")) return fetchData(input, init);
    fetchFromNetwork(url);
    return Promise.reject(new Error(`fetched ${url}`));
  });
  const card = await renderCard({ quote: "Ada 😀 Lovelace 王 wrote notes", articleTitle: "Notes 🙂", color: "yellow" });
  expect(inkLines(card, QUOTE_AREA)).toHaveLength(1);
  expect(fetchFromNetwork).not.toHaveBeenCalled();
});
