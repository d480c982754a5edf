import { brotliDecompressSync } from "node:zlib";

/**
 * WOFF2 → TrueType (sfnt), per the W3C WOFF 2.0 recommendation, section 5.
 *
 * Why this exists: the Open Graph image renderer (satori, inside next/og)
 * reads TTF, OTF and WOFF but not WOFF2, and the only copies of our type
 * faces are the WOFF2 files of the @fontsource-variable packages the reader
 * already self-hosts. Decoding them at start-up keeps one source of fonts
 * and needs no network. Handles what those files use: TrueType outlines with
 * the glyf/loca transform, untransformed hmtx, no font collections.
 */

const KNOWN_TAGS = [
  "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ", "VORG", "EBDT",
  "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH",
  "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar",
  "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
];

const WOFF2_SIGNATURE = 0x774f4632; // "wOF2"
const WOFF2_HEADER_SIZE = 48;
const NULL_GLYF_TRANSFORM = 3;

interface TableEntry {
  tag: string;
  origLength: number;
  /** Length in the decompressed stream: the transformed length when transformed. */
  length: number;
  transformed: boolean;
}

/** Reads big-endian values from a buffer, keeping its own position. */
class Reader {
  offset: number;

  constructor(
    private readonly data: Buffer,
    offset = 0,
  ) {
    this.offset = offset;
  }

  private need(bytes: number) {
    if (this.offset + bytes > this.data.length) throw new Error("WOFF2: unexpected end of data");
  }

  u8(): number {
    this.need(1);
    return this.data.readUInt8(this.offset++);
  }

  u16(): number {
    this.need(2);
    const value = this.data.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  i16(): number {
    this.need(2);
    const value = this.data.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  u32(): number {
    this.need(4);
    const value = this.data.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  bytes(length: number): Buffer {
    this.need(length);
    const slice = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  /** The bytes read since `start`. */
  since(start: number): Buffer {
    return this.data.subarray(start, this.offset);
  }

  tag(): string {
    return this.bytes(4).toString("latin1");
  }

  /** UIntBase128: up to five bytes, seven bits each, high bit = more follows. */
  base128(): number {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = this.u8();
      if (i === 0 && byte === 0x80) throw new Error("WOFF2: UIntBase128 with a leading zero");
      if (value & 0xfe000000) throw new Error("WOFF2: UIntBase128 overflow");
      value = (value << 7) | (byte & 0x7f);
      if ((byte & 0x80) === 0) return value >>> 0;
    }
    throw new Error("WOFF2: UIntBase128 longer than five bytes");
  }

  /** 255UInt16. */
  u255(): number {
    const code = this.u8();
    if (code === 253) return this.u16();
    if (code === 255) return this.u8() + 253;
    if (code === 254) return this.u8() + 506;
    return code;
  }
}

function readTableDirectory(reader: Reader, numTables: number): TableEntry[] {
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = reader.u8();
    const tag = (flags & 0x3f) === 0x3f ? reader.tag() : KNOWN_TAGS[flags & 0x3f];
    if (!tag) throw new Error("WOFF2: unknown table tag index");
    const version = flags >> 6;
    const origLength = reader.base128();
    // glyf and loca are transformed unless version 3; every other table is transformed unless version 0.
    const transformed = tag === "glyf" || tag === "loca" ? version !== NULL_GLYF_TRANSFORM : version !== 0;
    if (transformed && tag !== "glyf" && tag !== "loca") throw new Error(`WOFF2: transformed ${tag} is not supported`);
    const length = transformed ? reader.base128() : origLength;
    tables.push({ tag, origLength, length, transformed });
  }
  return tables;
}

// Simple-glyph flag bits (TrueType glyf).
const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;
const OVERLAP_SIMPLE = 0x40;

// Composite-glyph flag bits.
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

interface Point {
  x: number;
  y: number;
  onCurve: boolean;
}

/** Section 5.2: one point's delta from its flag byte and the glyph stream. */
function readTriplet(flag: number, glyphs: Reader): { dx: number; dy: number } {
  const withSign = (bit: number, value: number) => (bit & 1 ? value : -value);
  if (flag < 10) return { dx: 0, dy: withSign(flag, ((flag & 14) << 7) + glyphs.u8()) };
  if (flag < 20) return { dx: withSign(flag, (((flag - 10) & 14) << 7) + glyphs.u8()), dy: 0 };
  if (flag < 84) {
    const b0 = flag - 20;
    const b1 = glyphs.u8();
    return { dx: withSign(flag, 1 + (b0 & 0x30) + (b1 >> 4)), dy: withSign(flag >> 1, 1 + ((b0 & 0x0c) << 2) + (b1 & 0x0f)) };
  }
  if (flag < 120) {
    const b0 = flag - 84;
    const x = glyphs.u8();
    const y = glyphs.u8();
    return { dx: withSign(flag, 1 + (Math.floor(b0 / 12) << 8) + x), dy: withSign(flag >> 1, 1 + (((b0 % 12) >> 2) << 8) + y) };
  }
  if (flag < 124) {
    const b0 = glyphs.u8();
    const b1 = glyphs.u8();
    const b2 = glyphs.u8();
    return { dx: withSign(flag, (b0 << 4) + (b1 >> 4)), dy: withSign(flag >> 1, ((b1 & 0x0f) << 8) + b2) };
  }
  const x = glyphs.u16();
  const y = glyphs.u16();
  return { dx: withSign(flag, x), dy: withSign(flag >> 1, y) };
}

/** A simple glyph in plain TrueType form; flags are written one per point, coordinates as deltas. */
function encodeSimpleGlyph(endPoints: number[], points: Point[], instructions: Buffer, bbox: number[], overlap: boolean): Buffer {
  const flags: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  let x = 0;
  let y = 0;
  points.forEach((point, index) => {
    let flag = point.onCurve ? ON_CURVE : 0;
    if (index === 0 && overlap) flag |= OVERLAP_SIMPLE;
    const dx = point.x - x;
    const dy = point.y - y;
    if (dx === 0) flag |= X_SAME_OR_POSITIVE;
    else if (dx > -256 && dx < 256) {
      flag |= X_SHORT | (dx > 0 ? X_SAME_OR_POSITIVE : 0);
      xs.push(Math.abs(dx), -1);
    } else xs.push(dx, -2);
    if (dy === 0) flag |= Y_SAME_OR_POSITIVE;
    else if (dy > -256 && dy < 256) {
      flag |= Y_SHORT | (dy > 0 ? Y_SAME_OR_POSITIVE : 0);
      ys.push(Math.abs(dy), -1);
    } else ys.push(dy, -2);
    flags.push(flag);
    x = point.x;
    y = point.y;
  });

  const coordinateBytes = (values: number[]) => {
    let size = 0;
    for (let i = 0; i < values.length; i += 2) size += values[i + 1] === -1 ? 1 : 2;
    return size;
  };
  const size = 10 + 2 * endPoints.length + 2 + instructions.length + flags.length + coordinateBytes(xs) + coordinateBytes(ys);
  const out = Buffer.alloc(size);
  let offset = out.writeInt16BE(endPoints.length, 0);
  for (const value of bbox) offset = out.writeInt16BE(value, offset);
  for (const end of endPoints) offset = out.writeUInt16BE(end, offset);
  offset = out.writeUInt16BE(instructions.length, offset);
  offset += instructions.copy(out, offset);
  for (const flag of flags) offset = out.writeUInt8(flag, offset);
  for (const values of [xs, ys]) {
    for (let i = 0; i < values.length; i += 2) {
      const value = values[i]!;
      offset = values[i + 1] === -1 ? out.writeUInt8(value, offset) : out.writeInt16BE(value, offset);
    }
  }
  return out;
}

function boundsOf(points: Point[]): number[] {
  if (points.length === 0) return [0, 0, 0, 0];
  let [xMin, yMin, xMax, yMax] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of points) {
    xMin = Math.min(xMin, x);
    yMin = Math.min(yMin, y);
    xMax = Math.max(xMax, x);
    yMax = Math.max(yMax, y);
  }
  return [xMin, yMin, xMax, yMax];
}

/** Section 5.1: rebuilds the glyf and loca tables from the transformed glyf stream. */
function reconstructGlyf(data: Buffer): { glyf: Buffer; loca: Buffer } {
  const header = new Reader(data);
  header.u16(); // reserved
  const optionFlags = header.u16();
  const numGlyphs = header.u16();
  const indexFormat = header.u16();
  const streamSizes = Array.from({ length: 7 }, () => header.u32());
  const streams: Reader[] = [];
  let offset = header.offset;
  for (const size of streamSizes) {
    if (offset + size > data.length) throw new Error("WOFF2: glyf stream overruns the table");
    streams.push(new Reader(data.subarray(offset, offset + size)));
    offset += size;
  }
  const [contourCounts, pointCounts, flagStream, glyphStream, compositeStream, bboxStream, instructionStream] = streams as [
    Reader, Reader, Reader, Reader, Reader, Reader, Reader,
  ];
  const bitmapLength = 4 * Math.ceil(numGlyphs / 32);
  const bboxBitmap = bboxStream.bytes(bitmapLength);
  const overlapBitmap = optionFlags & 1 ? data.subarray(offset, offset + Math.ceil(numGlyphs / 8)) : null;
  const hasBit = (bitmap: Buffer | null, glyph: number) => !!bitmap && ((bitmap[glyph >> 3] ?? 0) & (0x80 >> (glyph & 7))) !== 0;

  const glyphs: Buffer[] = [];
  for (let glyph = 0; glyph < numGlyphs; glyph++) {
    const contours = contourCounts.i16();
    const explicitBbox = hasBit(bboxBitmap, glyph) ? [bboxStream.i16(), bboxStream.i16(), bboxStream.i16(), bboxStream.i16()] : null;

    if (contours === 0) {
      glyphs.push(Buffer.alloc(0));
    } else if (contours === -1) {
      if (!explicitBbox) throw new Error("WOFF2: composite glyph without a bounding box");
      const start = compositeStream.offset;
      let flags: number;
      let hasInstructions = false;
      do {
        flags = compositeStream.u16();
        hasInstructions ||= (flags & WE_HAVE_INSTRUCTIONS) !== 0;
        let argumentBytes = 2 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) argumentBytes += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) argumentBytes += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) argumentBytes += 8;
        compositeStream.bytes(argumentBytes);
      } while (flags & MORE_COMPONENTS);
      const composite = compositeStream.since(start);
      const instructions = hasInstructions ? instructionStream.bytes(glyphStream.u255()) : null;
      const head = Buffer.alloc(10);
      head.writeInt16BE(-1, 0);
      explicitBbox.forEach((value, index) => head.writeInt16BE(value, 2 + 2 * index));
      const parts = [head, composite];
      if (instructions) {
        const length = Buffer.alloc(2);
        length.writeUInt16BE(instructions.length);
        parts.push(length, instructions);
      }
      glyphs.push(Buffer.concat(parts));
    } else if (contours > 0) {
      const endPoints: number[] = [];
      let total = 0;
      for (let i = 0; i < contours; i++) {
        total += pointCounts.u255();
        endPoints.push(total - 1);
      }
      const points: Point[] = [];
      let x = 0;
      let y = 0;
      for (let i = 0; i < total; i++) {
        const flag = flagStream.u8();
        const { dx, dy } = readTriplet(flag & 0x7f, glyphStream);
        x += dx;
        y += dy;
        points.push({ x, y, onCurve: (flag & 0x80) === 0 });
      }
      const instructions = instructionStream.bytes(glyphStream.u255());
      glyphs.push(encodeSimpleGlyph(endPoints, points, instructions, explicitBbox ?? boundsOf(points), hasBit(overlapBitmap, glyph)));
    } else {
      throw new Error("WOFF2: invalid contour count");
    }
  }

  // Glyphs padded to four bytes; loca in the format head.indexToLocFormat names.
  const offsets: number[] = [0];
  const padded = glyphs.map((glyph) => {
    const pad = (4 - (glyph.length % 4)) % 4;
    const out = pad ? Buffer.concat([glyph, Buffer.alloc(pad)]) : glyph;
    offsets.push(offsets[offsets.length - 1]! + out.length);
    return out;
  });
  const glyf = Buffer.concat(padded);
  const loca = Buffer.alloc(offsets.length * (indexFormat ? 4 : 2));
  offsets.forEach((value, index) => {
    if (indexFormat) loca.writeUInt32BE(value, index * 4);
    else loca.writeUInt16BE(value / 2, index * 2);
  });
  return { glyf, loca };
}

function checksum(table: Buffer): number {
  let sum = 0;
  const padded = table.length % 4 ? Buffer.concat([table, Buffer.alloc(4 - (table.length % 4))]) : table;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Lays tables out as an sfnt: offset table, sorted table records, four-byte aligned data. */
function assembleSfnt(flavor: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const numTables = tags.length;
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const headerSize = 12 + 16 * numTables;
  let size = headerSize;
  for (const tag of tags) size += Math.ceil(tables.get(tag)!.length / 4) * 4;

  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let dataOffset = headerSize;
  tags.forEach((tag, index) => {
    const table = tables.get(tag)!;
    const record = 12 + 16 * index;
    out.write(tag, record, 4, "latin1");
    out.writeUInt32BE(checksum(table), record + 4);
    out.writeUInt32BE(dataOffset, record + 8);
    out.writeUInt32BE(table.length, record + 12);
    table.copy(out, dataOffset);
    dataOffset += Math.ceil(table.length / 4) * 4;
  });
  return out;
}

export interface DecodeWoff2Options {
  /** Tables to leave out of the result, e.g. a variable font's variation tables. */
  omitTables?: readonly string[];
}

export function decodeWoff2(woff2: Buffer, { omitTables = [] }: DecodeWoff2Options = {}): Buffer {
  const reader = new Reader(woff2);
  if (reader.u32() !== WOFF2_SIGNATURE) throw new Error("WOFF2: not a WOFF2 file");
  const flavor = reader.u32();
  if (flavor === 0x74746366) throw new Error("WOFF2: font collections are not supported");
  reader.u32(); // length
  const numTables = reader.u16();
  reader.offset = 20;
  const totalCompressedSize = reader.u32();
  reader.offset = WOFF2_HEADER_SIZE;

  const entries = readTableDirectory(reader, numTables);
  const stream = brotliDecompressSync(reader.bytes(totalCompressedSize));

  const tables = new Map<string, Buffer>();
  let offset = 0;
  for (const entry of entries) {
    if (offset + entry.length > stream.length) throw new Error(`WOFF2: ${entry.tag} overruns the data`);
    tables.set(entry.tag, stream.subarray(offset, offset + entry.length));
    offset += entry.length;
  }
  const glyf = entries.find((entry) => entry.tag === "glyf");
  if (glyf?.transformed) {
    const rebuilt = reconstructGlyf(tables.get("glyf")!);
    tables.set("glyf", rebuilt.glyf);
    tables.set("loca", rebuilt.loca);
  }
  for (const tag of omitTables) tables.delete(tag);
  return assembleSfnt(flavor, tables);
}
