import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeDocumentBytes } from "./decode-document-bytes";

const html = (charset: string, body: string) => `<html><head><meta charset="${charset}"></head><body><p>${body}</p></body></html>`;

describe("decodeDocumentBytes", () => {
  it("honours <meta charset> for windows-1252, ISO-8859-2 and Shift_JIS", () => {
    const cases: [string, string][] = [["windows-1252", "“Déjà vu” — 5 €"], ["iso-8859-2", "Łódź żółć"], ["shift_jis", "日本語の記事"]];
    for (const [charset, text] of cases) {
      expect(decodeDocumentBytes(iconv.encode(html(charset, text), charset), { contentType: "text/html", html: true })).toContain(text);
    }
  });

  it("reads ISO-8859-1 as windows-1252, as browsers do", () => {
    const bytes = iconv.encode(html("iso-8859-1", "it’s"), "windows-1252");
    expect(decodeDocumentBytes(bytes, { contentType: null, html: true })).toContain("it’s");
  });

  it("lets the HTTP header win over <meta>, and a BOM win over both; the BOM is stripped", () => {
    const latin2 = iconv.encode(html("windows-1252", "Łódź"), "iso-8859-2");
    expect(decodeDocumentBytes(latin2, { contentType: "text/html; charset=ISO-8859-2", html: true })).toContain("Łódź");
    const utf16 = iconv.encode(html("windows-1252", "مرحبا"), "utf-16le", { addBOM: true });
    const decoded = decodeDocumentBytes(utf16, { contentType: "text/html; charset=windows-1252", html: true });
    expect(decoded.startsWith("<html>")).toBe(true);
    expect(decoded).toContain("مرحبا");
    const utf16be = iconv.encode("Hello", "utf-16be", { addBOM: true });
    expect(decodeDocumentBytes(utf16be, { contentType: null, html: false })).toBe("Hello");
    expect(decodeDocumentBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), { contentType: null, html: false })).toBe("A");
  });

  it("falls back to windows-1252 for undeclared bytes that are not UTF-8", () => {
    expect(decodeDocumentBytes(new Uint8Array([0x93, 0x68, 0x69, 0x94]), { contentType: "text/plain", html: false })).toBe("“hi”");
    expect(decodeDocumentBytes(Buffer.from("naïve", "utf8"), { contentType: "text/plain", html: false })).toBe("naïve");
  });
});
