/**
 * Bytes of a fetched or uploaded page → text, by the rules browsers use
 * (WHATWG Encoding): a byte order mark wins, then the charset of the HTTP
 * Content-Type, then a `<meta charset>` (or `http-equiv` Content-Type) in the
 * first 1024 bytes, else UTF-8 — or windows-1252 when the bytes are not
 * valid UTF-8, as old pages without a declaration usually are. The BOM never
 * reaches the text.
 *
 * Decoding is iconv-lite's (windows-125x, ISO-8859-x, Shift_JIS, EUC-KR, GBK,
 * UTF-16…): Node 20's TextDecoder accepts "windows-1252" but decodes it as
 * ISO-8859-1, turning curly quotes and € into C1 control characters.
 */
import iconv from "iconv-lite";

const META_PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOfContentType(contentType: string | null): string | null {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType) : null;
  return match?.[1] ?? null;
}

/** As browsers do (WHATWG Encoding), these labels mean windows-1252. */
const WINDOWS_1252_LABELS = new Set(["latin1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "cp1252", "x-cp1252"]);

type Decoder = { decode(bytes: Uint8Array): string };

function decoderFor(label: string | null): Decoder | null {
  const name = label?.trim().toLowerCase();
  if (!name) return null;
  const encoding = WINDOWS_1252_LABELS.has(name) ? "windows-1252" : name;
  // An unknown label is as good as none.
  return iconv.encodingExists(encoding) ? { decode: (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding) } : null;
}

export interface DecodeOptions {
  contentType: string | null;
  /** Look for `<meta charset>`: HTML only, not plain text or Markdown. */
  html: boolean;
}

export function decodeDocumentBytes(bytes: Uint8Array, { contentType, html }: DecodeOptions): string {
  const bom = bomEncoding(bytes);
  if (bom) return stripBom(decoderFor(bom)!.decode(bytes));

  const declared = decoderFor(charsetOfContentType(contentType));
  if (declared) return stripBom(declared.decode(bytes));

  if (html) {
    const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString("latin1");
    const meta = META_CHARSET.exec(head)?.[1] ?? null;
    // A page that says UTF-16 in ASCII bytes cannot be UTF-16 (the spec reads it as UTF-8).
    const decoder = decoderFor(meta && /^utf-16/i.test(meta) ? "utf-8" : meta);
    if (decoder) return stripBom(decoder.decode(bytes));
  }

  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decoderFor("windows-1252")!.decode(bytes);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
