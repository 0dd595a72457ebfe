/** Little-endian reads from a byte array that never throw: past the end, a read gives 0, as a damaged file should not crash the reader. */
export class Bytes {
  readonly length: number;
  constructor(readonly data: Uint8Array) {
    this.length = data.length;
  }

  u8(at: number): number {
    return this.data[at] ?? 0;
  }

  u16(at: number): number {
    return this.u8(at) | (this.u8(at + 1) << 8);
  }

  u32(at: number): number {
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }

  i16(at: number): number {
    return (this.u16(at) << 16) >> 16;
  }

  i32(at: number): number {
    return this.u32(at) | 0;
  }

  /** A slice, clamped to the data. */
  slice(start: number, end: number): Bytes {
    return new Bytes(this.data.subarray(Math.max(0, start), Math.min(this.length, end)));
  }

  /** UTF-16LE text of `count` characters. */
  utf16(at: number, count: number): string {
    let text = '';
    for (let i = 0; i < count; i++) text += String.fromCharCode(this.u16(at + 2 * i));
    return text;
  }
}
