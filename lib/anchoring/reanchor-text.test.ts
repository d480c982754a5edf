import { describe as suite, expect, it } from "vitest";
import { anchorImported, describeTextRange, reanchorText } from "./index";

const OLD =
  "The harbour lay quiet under a low winter sky. Old Maren mended nets by the sea wall every morning. " +
  "In spring the council voted to build a new pier, though the fishermen argued against it for weeks. " +
  "By summer the pier was finished, and tourists came to photograph the painted boats.";

function item(text: string, exact: string) {
  const start = text.indexOf(exact);
  return describeTextRange(text, start, start + exact.length);
}

suite("reanchorText", () => {
  it("carries positions through the revision and describes the new text", () => {
    const now = "A new first sentence. " + OLD.replace("mended nets", "mended her nets");
    const [shifted, edited] = reanchorText(OLD, now, [item(OLD, "the council voted to build a new pier"), item(OLD, "Old Maren mended nets by the sea wall")]);
    expect(shifted?.quote.exact).toBe("the council voted to build a new pier");
    expect(shifted?.position.start).toBe(now.indexOf("the council voted"));
    expect(shifted?.quote.prefix).toBe(now.slice((shifted?.position.start ?? 0) - 32, shifted?.position.start));
    expect(edited?.quote.exact).toBe("Old Maren mended her nets by the sea wall");
  });

  it("orphans a deleted passage and re-attaches an orphan whose quote is back", () => {
    const without = OLD.replace("By summer the pier was finished, and tourists came to photograph the painted boats.", "");
    const [gone] = reanchorText(OLD, without, [item(OLD, "tourists came to photograph the painted boats")]);
    expect(gone).toBeNull();
    const orphan = { quote: item(OLD, "tourists came to photograph the painted boats").quote, position: null };
    const [back] = reanchorText(without, OLD, [orphan]);
    expect(back?.position.start).toBe(OLD.indexOf("tourists came"));
  });
});

suite("anchorImported", () => {
  it("places quotes with context and maybe a position, and refuses what is not there", () => {
    const { quote } = item(OLD, "a new pier");
    const [byQuote, byPosition, missing] = anchorImported(OLD, [
      { quote },
      { quote: { exact: "the fishermen argued" }, position: { start: OLD.indexOf("the fishermen argued"), end: OLD.indexOf("the fishermen argued") + 20 } },
      { quote: { exact: "a lighthouse keeper's daughter", prefix: "Nobody ever saw ", suffix: " again." } },
    ]);
    expect(byQuote?.position.start).toBe(OLD.indexOf("a new pier"));
    expect(byPosition?.quote).toMatchObject({ type: "TextQuoteSelector", exact: "the fishermen argued" });
    expect(missing).toBeNull();
  });
});
