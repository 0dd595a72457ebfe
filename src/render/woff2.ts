/**
 * WOFF2 ⇄ TrueType, written here rather than taken from a codec, so that it runs in the studio page within its
 * policy (no 'unsafe-eval') with the Brotli it is given (render/brotli.ts: the Rust Brotli of brotli-wasm, a
 * WebAssembly module the page instantiates itself, and Node the same). A deck's fonts have glyf and loca
 * transformed as the format describes (as Google's encoder, which the CLI's subset-font uses, does; the result is
 * as small); the faces the studio carries are stored with every table as it is (the "null transform"), which
 * `woff2ToSfnt` reads back with nothing but Brotli. Format: https://www.w3.org/TR/WOFF2/
 */

export interface Brotli {
  /** Brotli at `quality` (0–11; 11 when not given). */
  compress(data: Uint8Array, quality?: number): Uint8Array;
  decompress(data: Uint8Array): Uint8Array;
}

const SIGNATURE = 0x774f4632; // 'wOF2'
const HEADER = 48;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

/** The tags WOFF2 writes as one byte, by their index (§ 5.1 of the format). */
const KNOWN_TAGS = [
  'cmap',
  'head',
  'hhea',
  'hmtx',
  'maxp',
  'name',
  'OS/2',
  'post',
  'cvt ',
  'fpgm',
  'glyf',
  'loca',
  'prep',
  'CFF ',
  'VORG',
  'EBDT',
  'EBLC',
  'gasp',
  'hdmx',
  'kern',
  'LTSH',
  'PCLT',
  'VDMX',
  'vhea',
  'vmtx',
  'BASE',
  'GDEF',
  'GPOS',
  'GSUB',
  'EBSC',
  'JSTF',
  'MATH',
  'CBDT',
  'CBLC',
  'COLR',
  'CPAL',
  'SVG ',
  'sbix',
  'acnt',
  'avar',
  'bdat',
  'bloc',
  'bsln',
  'cvar',
  'fdsc',
  'feat',
  'fmtx',
  'fvar',
  'gvar',
  'hsty',
  'just',
  'lcar',
  'mort',
  'morx',
  'opbd',
  'prop',
  'trak',
  'Zapf',
  'Silf',
  'Glat',
  'Gloc',
  'Feat',
  'Sill',
].map(tagNumber);
/** glyf and loca say "not transformed" with transform version 3; every other table with 0. */
const GLYF = tagNumber('glyf');
const LOCA = tagNumber('loca');
const NULL_GLYF_TRANSFORM = 3;

function tagNumber(tag: string): number {
  return ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>> 0;
}

const align4 = (n: number): number => (n + 3) & ~3;

interface Table {
  tag: number;
  data: Uint8Array;
}

/** The tables of an sfnt (TrueType or OpenType) file, in the order of its directory. */
function sfntTables(sfnt: Uint8Array): { flavor: number; tables: Table[] } {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = view.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const entry = SFNT_HEADER + i * SFNT_ENTRY;
    const offset = view.getUint32(entry + 8);
    tables.push({ tag: view.getUint32(entry), data: sfnt.subarray(offset, offset + view.getUint32(entry + 12)) });
  }
  return { flavor: view.getUint32(0), tables };
}

/** A number as UIntBase128: seven bits a byte, the most significant first, a high bit on all but the last. */
function base128(value: number): number[] {
  const bytes = [value & 0x7f];
  for (let rest = value >>> 7; rest; rest >>>= 7) bytes.unshift((rest & 0x7f) | 0x80);
  return bytes;
}

/**
 * A TrueType font as WOFF2, its tables compressed together with `brotli`: glyf and loca transformed as the format
 * describes (§ 5.1: outlines as point counts, flags and packed coordinates, which compress about a fifth better),
 * unless `transform` is false, when every table is stored as it is.
 */
export function sfntToWoff2(sfnt: Uint8Array, brotli: Pick<Brotli, 'compress'>, transform = true): Uint8Array {
  const { flavor, tables } = sfntTables(sfnt);
  tables.sort((a, b) => a.tag - b.tag);
  const glyfTable = tables.find((t) => t.tag === GLYF);
  const locaTable = tables.find((t) => t.tag === LOCA);
  const headTable = tables.find((t) => t.tag === tagNumber('head'));
  const transformed = transform && glyfTable && locaTable && headTable ? transformGlyf(glyfTable.data, locaTable.data, headTable.data) : undefined;
  const directory: number[] = [];
  const stored: Uint8Array[] = [];
  for (const { tag, data } of tables) {
    const known = KNOWN_TAGS.indexOf(tag);
    const glyph = tag === GLYF || tag === LOCA;
    const version = glyph && !transformed ? NULL_GLYF_TRANSFORM : 0;
    directory.push((known < 0 ? 63 : known) | (version << 6));
    if (known < 0) directory.push(tag >>> 24, (tag >>> 16) & 0xff, (tag >>> 8) & 0xff, tag & 0xff);
    directory.push(...base128(data.length));
    if (glyph && transformed) {
      // The transformed glyf holds loca too: loca's own data is empty.
      const own = tag === GLYF ? transformed : new Uint8Array(0);
      directory.push(...base128(own.length));
      stored.push(own);
    } else stored.push(data);
  }
  const stream = new Uint8Array(stored.reduce((n, data) => n + data.length, 0));
  let at = 0;
  for (const data of stored) {
    stream.set(data, at);
    at += data.length;
  }
  const compressed = brotli.compress(stream);
  // Readers look for what may follow the font data at the next 4-byte boundary: the file ends there.
  const length = align4(HEADER + directory.length + compressed.length);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, SIGNATURE);
  view.setUint32(4, flavor);
  view.setUint32(8, length);
  view.setUint16(12, tables.length);
  view.setUint32(
    16,
    tables.reduce((n, t) => n + align4(t.data.length), SFNT_HEADER + tables.length * SFNT_ENTRY),
  );
  view.setUint32(20, compressed.length);
  // The font's version, from its head table (fontRevision), as Google's encoder writes it; no metadata, no private data.
  const head = tables.find((t) => t.tag === tagNumber('head'));
  if (head && head.data.length >= 8) out.set(head.data.subarray(4, 8), 24);
  out.set(directory, HEADER);
  out.set(compressed, HEADER + directory.length);
  return out;
}

/** A number as 255UInt16 (§ 4.1): one byte below 253, else a code byte and one or two more. */
function uint255(value: number, out: number[]): void {
  if (value < 253) out.push(value);
  else if (value < 506) out.push(255, value - 253);
  else if (value < 762) out.push(254, value - 506);
  else out.push(253, value >> 8, value & 0xff);
}

/** One point's move as WOFF2 writes it: a flag (on or off the curve, and how) and one to four bytes. */
function triplet(onCurve: boolean, x: number, y: number, flags: number[], glyphs: number[]): void {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const on = onCurve ? 0 : 128;
  const xSign = x < 0 ? 0 : 1;
  const ySign = y < 0 ? 0 : 1;
  const signs = xSign + 2 * ySign;
  if (x === 0 && ay < 1280) {
    flags.push(on + ((ay & 0xf00) >> 7) + ySign);
    glyphs.push(ay & 0xff);
  } else if (y === 0 && ax < 1280) {
    flags.push(on + 10 + ((ax & 0xf00) >> 7) + xSign);
    glyphs.push(ax & 0xff);
  } else if (ax < 65 && ay < 65) {
    flags.push(on + 20 + ((ax - 1) & 0x30) + (((ay - 1) & 0x30) >> 2) + signs);
    glyphs.push((((ax - 1) & 0xf) << 4) | ((ay - 1) & 0xf));
  } else if (ax < 769 && ay < 769) {
    flags.push(on + 84 + 12 * (((ax - 1) & 0x300) >> 8) + (((ay - 1) & 0x300) >> 6) + signs);
    glyphs.push((ax - 1) & 0xff, (ay - 1) & 0xff);
  } else if (ax < 4096 && ay < 4096) {
    flags.push(on + 120 + signs);
    glyphs.push(ax >> 4, ((ax & 0xf) << 4) | (ay >> 8), ay & 0xff);
  } else {
    flags.push(on + 124 + signs);
    glyphs.push(ax >> 8, ax & 0xff, ay >> 8, ay & 0xff);
  }
}

const WE_HAVE_INSTRUCTIONS = 0x100;
const MORE_COMPONENTS = 0x20;

/** The glyf table transformed as WOFF2 § 5.1 describes, loca read from its own table and rebuilt by the reader. */
function transformGlyf(glyf: Uint8Array, loca: Uint8Array, head: Uint8Array): Uint8Array {
  const indexFormat = new DataView(head.buffer, head.byteOffset, head.byteLength).getInt16(50);
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const offsetOf = (i: number) => (indexFormat ? locaView.getUint32(i * 4) : locaView.getUint16(i * 2) * 2);
  const numGlyphs = loca.length / (indexFormat ? 4 : 2) - 1;
  const view = new DataView(glyf.buffer, glyf.byteOffset, glyf.byteLength);
  const nContours: number[] = [];
  const nPoints: number[] = [];
  const flags: number[] = [];
  const glyphs: number[] = [];
  const composite: number[] = [];
  const bboxBitmap = new Uint8Array(4 * Math.floor((numGlyphs + 31) / 32));
  const bboxes: number[] = [];
  const instructions: number[] = [];
  const int16 = (n: number, out: number[]) => out.push((n >> 8) & 0xff, n & 0xff);
  for (let g = 0; g < numGlyphs; g++) {
    const start = offsetOf(g);
    const end = offsetOf(g + 1);
    if (end <= start) {
      int16(0, nContours);
      continue;
    }
    const contours = view.getInt16(start);
    if (contours === 0) {
      // No outline: the reader makes an empty glyph of it.
      int16(0, nContours);
      continue;
    }
    const box = [view.getInt16(start + 2), view.getInt16(start + 4), view.getInt16(start + 6), view.getInt16(start + 8)];
    int16(contours, nContours);
    let at = start + 10;
    if (contours < 0) {
      // Components as they are; the bounding box always, and the instructions where there are any.
      let more = true;
      let withInstructions = false;
      while (more) {
        const f = view.getUint16(at);
        let size = 4 + (f & 1 ? 4 : 2);
        if (f & 0x8) size += 2;
        else if (f & 0x40) size += 4;
        else if (f & 0x80) size += 8;
        for (let k = 0; k < size; k++) composite.push(glyf[at + k]!);
        at += size;
        withInstructions ||= !!(f & WE_HAVE_INSTRUCTIONS);
        more = !!(f & MORE_COMPONENTS);
      }
      if (withInstructions) {
        const length = view.getUint16(at);
        uint255(length, glyphs);
        for (let k = 0; k < length; k++) instructions.push(glyf[at + 2 + k]!);
      }
      bboxBitmap[g >> 3]! |= 0x80 >> (g & 7);
      for (const v of box) int16(v, bboxes);
      continue;
    }
    const ends: number[] = [];
    for (let c = 0; c < contours; c++, at += 2) ends.push(view.getUint16(at));
    const points = contours ? ends[contours - 1]! + 1 : 0;
    ends.forEach((e, c) => uint255(c ? e - ends[c - 1]! : e + 1, nPoints));
    const instructionLength = view.getUint16(at);
    const code = glyf.subarray(at + 2, at + 2 + instructionLength);
    at += 2 + instructionLength;
    const pointFlags: number[] = [];
    while (pointFlags.length < points) {
      const f = glyf[at++]!;
      pointFlags.push(f);
      if (f & 8) for (let r = glyf[at++]!; r > 0; r--) pointFlags.push(f);
    }
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [out, short, same] of [
      [xs, 2, 0x10],
      [ys, 4, 0x20],
    ] as const) {
      for (const f of pointFlags) {
        if (f & short) out.push(f & same ? glyf[at++]! : -glyf[at++]!);
        else if (f & same) out.push(0);
        else {
          out.push(view.getInt16(at));
          at += 2;
        }
      }
    }
    let x = 0;
    let y = 0;
    let [xMin, yMin, xMax, yMax] = [0, 0, 0, 0];
    for (let p = 0; p < points; p++) {
      triplet(!!(pointFlags[p]! & 1), xs[p]!, ys[p]!, flags, glyphs);
      x += xs[p]!;
      y += ys[p]!;
      if (p === 0 || x < xMin) xMin = x;
      if (p === 0 || y < yMin) yMin = y;
      if (p === 0 || x > xMax) xMax = x;
      if (p === 0 || y > yMax) yMax = y;
    }
    uint255(instructionLength, glyphs);
    for (const b of code) instructions.push(b);
    // A bounding box the reader would compute from the points is left out.
    if (box[0] !== xMin || box[1] !== yMin || box[2] !== xMax || box[3] !== yMax) {
      bboxBitmap[g >> 3]! |= 0x80 >> (g & 7);
      for (const v of box) int16(v, bboxes);
    }
  }
  const streams = [nContours, nPoints, flags, glyphs, composite, [...bboxBitmap, ...bboxes], instructions];
  const out = new Uint8Array(36 + streams.reduce((n, s) => n + s.length, 0));
  const head36 = new DataView(out.buffer);
  head36.setUint16(4, numGlyphs);
  head36.setUint16(6, indexFormat);
  streams.forEach((s, i) => head36.setUint32(8 + i * 4, s.length));
  let offset = 36;
  for (const s of streams) {
    out.set(s, offset);
    offset += s.length;
  }
  return out;
}

/** The TrueType font inside a WOFF2 file whose tables are not transformed (as `sfntToWoff2` writes them). */
export function woff2ToSfnt(woff2: Uint8Array, brotli: Pick<Brotli, 'decompress'>): Uint8Array {
  const view = new DataView(woff2.buffer, woff2.byteOffset, woff2.byteLength);
  if (woff2.length < HEADER || view.getUint32(0) !== SIGNATURE) throw new Error('not a WOFF2 font');
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  const compressedLength = view.getUint32(20);
  let at = HEADER;
  const entries: Array<{ tag: number; length: number }> = [];
  const readBase128 = () => {
    let value = 0;
    for (let k = 0; k < 5; k++) {
      const byte = woff2[at++]!;
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Error('a WOFF2 length is too long');
  };
  for (let i = 0; i < count; i++) {
    const flags = woff2[at++]!;
    const known = flags & 0x3f;
    let tag = KNOWN_TAGS[known]!;
    if (known === 63) {
      tag = view.getUint32(at);
      at += 4;
    }
    const version = flags >> 6;
    const transformed = tag === GLYF || tag === LOCA ? version !== NULL_GLYF_TRANSFORM : version !== 0;
    if (transformed) throw new Error('a WOFF2 table is transformed, which this reader does not undo');
    entries.push({ tag, length: readBase128() });
  }
  const stream = brotli.decompress(woff2.subarray(at, at + compressedLength));
  let offset = 0;
  const tables = entries.map(({ tag, length }) => {
    const data = stream.subarray(offset, offset + length);
    offset += length;
    return { tag, data };
  });
  if (offset !== stream.length) throw new Error('the WOFF2 font data has the wrong length');
  return writeSfnt(flavor, tables);
}

/** An sfnt file from its tables, sorted by tag, each with its checksum. */
export function writeSfnt(flavor: number, tables: Table[]): Uint8Array {
  tables.sort((a, b) => a.tag - b.tag);
  const n = tables.length;
  const power = 2 ** Math.floor(Math.log2(n));
  let offset = SFNT_HEADER + n * SFNT_ENTRY;
  const size = tables.reduce((total, t) => total + align4(t.data.length), offset);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, flavor);
  view.setUint16(4, n);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, n * 16 - power * 16);
  tables.forEach((t, i) => {
    const entry = SFNT_HEADER + i * SFNT_ENTRY;
    out.set(t.data, offset);
    view.setUint32(entry, t.tag);
    view.setUint32(entry + 4, checksum(out, offset, t.data.length));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, t.data.length);
    offset += align4(t.data.length);
  });
  return out;
}

/** The sfnt checksum of a table: its 32-bit words summed, the last padded with zeros. */
function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < align4(length); i += 4) sum = (sum + view.getUint32(offset + i)) >>> 0;
  return sum;
}
