/**
 * WOFF 1.0 ⇄ TrueType in the browser. WOFF 1.0 is a TrueType font whose tables are each compressed with zlib,
 * which the browser's own DecompressionStream / CompressionStream('deflate') undo and redo (Chrome 80+), so the
 * studio needs no font codec of its own. (WOFF2 would be about a third smaller, but its Brotli and glyph
 * transforms have no browser API, and the codecs on npm need 'unsafe-eval'.)
 * Format: https://www.w3.org/TR/WOFF/
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

const align4 = (n: number): number => (n + 3) & ~3;

async function through(data: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const piped = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

interface Table {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

/** Writes an sfnt (TrueType) file from its tables, sorted by tag as the format asks. */
function writeSfnt(flavor: number, tables: Table[]): Uint8Array {
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
    view.setUint32(entry, t.tag);
    view.setUint32(entry + 4, t.checksum);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, t.data.length);
    out.set(t.data, offset);
    offset += align4(t.data.length);
  });
  return out;
}

/** The TrueType font inside a WOFF 1.0 file. */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < WOFF_HEADER || view.getUint32(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const entry = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = view.getUint32(entry + 4);
    const compressed = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const stored = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? await through(stored, new DecompressionStream('deflate')) : stored;
    if (data.length !== length) throw new Error('a table of the WOFF font has the wrong length');
    tables.push({ tag: view.getUint32(entry), checksum: view.getUint32(entry + 16), data });
  }
  return writeSfnt(flavor, tables);
}

/** A TrueType font as WOFF 1.0: each table compressed with zlib when that makes it smaller. */
export async function sfntToWoff(sfnt: Uint8Array): Promise<Uint8Array> {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const flavor = view.getUint32(0);
  const count = view.getUint16(4);
  const tables: Array<Table & { stored: Uint8Array }> = [];
  for (let i = 0; i < count; i++) {
    const entry = SFNT_HEADER + i * SFNT_ENTRY;
    const offset = view.getUint32(entry + 8);
    const data = sfnt.subarray(offset, offset + view.getUint32(entry + 12));
    const compressed = await through(data, new CompressionStream('deflate'));
    tables.push({ tag: view.getUint32(entry), checksum: view.getUint32(entry + 4), data, stored: compressed.length < data.length ? compressed : data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  let offset = WOFF_HEADER + count * WOFF_ENTRY;
  const size = tables.reduce((total, t) => total + align4(t.stored.length), offset);
  const sfntSize = tables.reduce((total, t) => total + align4(t.data.length), SFNT_HEADER + count * SFNT_ENTRY);
  const out = new Uint8Array(size);
  const woff = new DataView(out.buffer);
  woff.setUint32(0, WOFF_SIGNATURE);
  woff.setUint32(4, flavor);
  woff.setUint32(8, size);
  woff.setUint16(12, count);
  woff.setUint32(16, sfntSize);
  // Version, metadata and private data stay zero: there are none.
  tables.forEach((t, i) => {
    const entry = WOFF_HEADER + i * WOFF_ENTRY;
    woff.setUint32(entry, t.tag);
    woff.setUint32(entry + 4, offset);
    woff.setUint32(entry + 8, t.stored.length);
    woff.setUint32(entry + 12, t.data.length);
    woff.setUint32(entry + 16, t.checksum);
    out.set(t.stored, offset);
    offset += align4(t.stored.length);
  });
  return out;
}
