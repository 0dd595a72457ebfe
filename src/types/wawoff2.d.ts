declare module 'wawoff2' {
  /** A woff2 font compressed from TrueType or OpenType bytes. */
  export function compress(sfnt: Uint8Array): Promise<Uint8Array>;
  /** The TrueType or OpenType bytes a woff2 font holds. */
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
