import type { CSSProperties } from "react";
import type { HighlightColorName } from "@/lib/api/annotations";
import { truncateText } from "@/lib/articles/article-stats";
import { OG_ARABIC_STACK, OG_SANS_STACK, OG_SERIF_STACK } from "@/lib/og/og-fonts";
import { drawableText, rtlLayout, textDirection } from "@/lib/og/og-text";

/**
 * The picture a shared note unfurls into (1200×630, rendered by satori
 * through next/og, so: inline styles, flex layout, no external assets).
 * The quote is the hero, set large in the reader's serif beside a bar in
 * the highlight's colour; who wrote the note and on what article sit below,
 * the Gloss wordmark above.
 */

export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

const INK = "#1f1c18";
const INK_MUTED = "#5e5850";
const PAPER = "#fbf9f4";
const RULE = "#e5dfd3";
const ACCENT = "#a8321f";

// The reader's highlight colours, opaque (the page's are translucent washes over paper).
const HIGHLIGHT: Record<HighlightColorName, string> = {
  yellow: "#f5c542",
  green: "#6cc283",
  blue: "#7eaaf2",
  pink: "#f08cb8",
  purple: "#ad92f2",
};

const QUOTE_MAX = 240;
const TITLE_MAX = 70;

/** Shorter quotes are set larger; the longest still fit five lines. */
function quoteFontSize(length: number): number {
  if (length <= 70) return 64;
  if (length <= 130) return 54;
  if (length <= 190) return 46;
  return 40;
}

export interface ShareCardImageProps {
  quote: string;
  authorName: string;
  articleTitle: string;
  kind: "note" | "highlight";
  color: HighlightColorName;
  /** Whether the loaded fonts can draw a character (see lib/og/og-fonts.ts). */
  covers: (codePoint: number) => boolean;
}

/**
 * A line of text in its own direction. Satori lays out left to right only,
 * so right-to-left text is set word by word in reversed, wrapping rows.
 */
function Words({ text, style }: { text: string; style: CSSProperties }) {
  if (textDirection(text) === "ltr") return <div style={{ display: "flex", ...style }}>{text}</div>;
  const words = rtlLayout(text);
  return (
    <div style={{ display: "flex", flexDirection: "row-reverse", flexWrap: "wrap", fontFamily: OG_ARABIC_STACK, ...style }}>
      {words.map((pieces, index) => (
        <div key={index} style={{ display: "flex", flexDirection: "row-reverse", marginLeft: index < words.length - 1 ? "0.28em" : 0 }}>
          {pieces.map((piece, at) => (
            <span key={at}>{piece}</span>
          ))}
        </div>
      ))}
    </div>
  );
}

function GlossMark() {
  return (
    <svg width="44" height="44" viewBox="0 0 32 32">
      <rect x="1" y="1" width="30" height="30" rx="7" fill={INK} />
      <rect x="7" y="8.5" width="13" height="2.5" rx="1.25" fill={PAPER} />
      <rect x="5.5" y="13.25" width="16" height="5.5" rx="1.5" fill="#f5c542" />
      <rect x="7" y="14.75" width="13" height="2.5" rx="1.25" fill={INK} />
      <rect x="7" y="21" width="10" height="2.5" rx="1.25" fill={PAPER} />
      <rect x="24" y="12.5" width="2.5" height="7" rx="1.25" fill="#e0604a" />
    </svg>
  );
}

export function ShareCardImage({ quote, authorName, articleTitle, kind, color, covers }: ShareCardImageProps) {
  const quoteText = truncateText(drawableText(quote, covers), QUOTE_MAX);
  const rtl = textDirection(quoteText) === "rtl";
  const fontSize = quoteFontSize(quoteText.length) * (rtl ? 0.92 : 1);
  const name = drawableText(authorName, covers);
  const title = truncateText(drawableText(articleTitle, covers), TITLE_MAX);
  // Curly quotes are not mirrored in right-to-left text; there the bar alone marks the quotation.
  const quoted = rtl ? quoteText : `“${quoteText}”`;

  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        padding: "60px 76px 56px",
        background: PAPER,
        color: INK,
        fontFamily: OG_SERIF_STACK,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 16 }}>
        <GlossMark />
        <div style={{ fontSize: 36, letterSpacing: "-0.01em" }}>Gloss</div>
      </div>

      <div style={{ display: "flex", flex: 1, alignItems: "center", flexDirection: rtl ? "row-reverse" : "row", gap: 36 }}>
        <div style={{ display: "flex", alignSelf: "stretch", margin: "44px 0", width: 10, borderRadius: 5, background: HIGHLIGHT[color] }} />
        <Words
          text={quoted}
          style={{
            flex: 1,
            maxHeight: 330,
            overflow: "hidden",
            fontSize,
            lineHeight: rtl ? 1.75 : 1.28,
            letterSpacing: rtl ? 0 : "-0.012em",
          }}
        />
      </div>

      {/* Below a right-to-left quote the footer lines up on the right too. */}
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          alignItems: rtl ? "flex-end" : "flex-start",
          gap: 6,
          paddingTop: 26,
          borderTop: `2px solid ${RULE}`,
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 10, fontFamily: OG_SANS_STACK, fontSize: 26, color: INK_MUTED }}>
          <span>{name ? `a ${kind} by` : `a ${kind} on Gloss`}</span>
          {name && <Words text={name} style={{ color: ACCENT }} />}
        </div>
        {title && (
          <Words text={title} style={{ fontSize: 32, fontStyle: textDirection(title) === "rtl" ? "normal" : "italic", color: INK }} />
        )}
      </div>
    </div>
  );
}
