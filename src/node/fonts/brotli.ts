/**
 * The WOFF2 writer's Brotli in Node: Node's own (zlib), several times quicker than the WebAssembly module the studio
 * page carries (render/brotli.ts), and as good a stream: the fonts' bytes differ where the two encoders choose
 * differently, never what they decode to. The page's module is read from the package here, to be carried.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { BROTLI_WASM } from '../../render/brotli.ts';
import type { Brotli } from '../../render/woff2.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';

/** Brotli's WebAssembly module as the package ships it. */
export function brotliWasm(): Uint8Array {
  return readFileSync(join(PACKAGE_ROOT, 'node_modules', BROTLI_WASM));
}

const brotli: Brotli = {
  compress: (data, quality = constants.BROTLI_MAX_QUALITY) =>
    brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length, [constants.BROTLI_PARAM_LGWIN]: 24 },
    }),
  decompress: (data) => brotliDecompressSync(data),
};

/** Brotli for the fonts the command line writes. */
export function nodeBrotli(): Promise<Brotli> {
  return Promise.resolve(brotli);
}
