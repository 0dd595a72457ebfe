/**
 * WOFF2 ⇄ TrueType, written here rather than taken from a codec, so that it runs in the studio page within its
 * policy (no 'unsafe-eval') with the Brotli it is given (render/brotli.ts: the Rust Brotli of brotli-wasm, a
 * WebAssembly module the page instantiates itself, and Node the same). Every table is stored as it is (the "null
 * transform", glyf and loca included, which every WOFF2 reader knows), the tables back to back in one Brotli
 * stream, as the format asks. The CLI's fonts, made by Google's encoder (wawoff2), also transform glyf and loca,
 * which makes them a little smaller. Format: https://www.w3.org/TR/WOFF2/
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

/** A TrueType font as WOFF2, its tables stored as they are and compressed together with `brotli`. */
export function sfntToWoff2(sfnt: Uint8Array, brotli: Pick<Brotli, 'compress'>): Uint8Array {
  const { flavor, tables } = sfntTables(sfnt);
  tables.sort((a, b) => a.tag - b.tag);
  const directory: number[] = [];
  for (const { tag, data } of tables) {
    const known = KNOWN_TAGS.indexOf(tag);
    const version = tag === GLYF || tag === LOCA ? NULL_GLYF_TRANSFORM : 0;
    directory.push((known < 0 ? 63 : known) | (version << 6));
    if (known < 0) directory.push(tag >>> 24, (tag >>> 16) & 0xff, (tag >>> 8) & 0xff, tag & 0xff);
    directory.push(...base128(data.length));
  }
  const stream = new Uint8Array(tables.reduce((n, t) => n + t.data.length, 0));
  let at = 0;
  for (const { data } of tables) {
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
