/**
 * Brotli for the WOFF2 fonts (woff2.ts): the Rust Brotli of brotli-wasm, a WebAssembly module instantiated from its
 * bytes by its own small glue, which needs nothing of a page's policy but 'wasm-unsafe-eval'. The studio's font
 * worker gives it the bytes it carries; Node reads them from the package. The glue is imported by its path, as
 * the package's entry would fetch the module itself.
 */
import init, { compress, decompress } from '../../node_modules/brotli-wasm/pkg.web/brotli_wasm.js';
import type { Brotli } from './woff2.ts';

/** Brotli's best compression, for fonts made once and read many times (the faces the studio carries). */
const QUALITY = 11;

let ready: Promise<Brotli> | undefined;

/** Brotli from the bytes of brotli_wasm_bg.wasm, instantiated on the first call. */
export function brotliFrom(wasm: Uint8Array): Promise<Brotli> {
  ready ??= init(wasm).then(() => ({ compress: (data: Uint8Array, quality = QUALITY) => compress(data, { quality }), decompress }));
  return ready;
}

/** Where the package keeps the module, below node_modules. */
export const BROTLI_WASM = 'brotli-wasm/pkg.web/brotli_wasm_bg.wasm';
