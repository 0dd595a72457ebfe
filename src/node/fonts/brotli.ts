/**
 * The WOFF2 writer's Brotli in Node (render/brotli.ts): the same WebAssembly module the studio page carries, read
 * from the package, so that the CLI's fonts and the studio's are written alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROTLI_WASM, brotliFrom } from '../../render/brotli.ts';
import type { Brotli } from '../../render/woff2.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';

/** Brotli's WebAssembly module as the package ships it. */
export function brotliWasm(): Uint8Array {
  return readFileSync(join(PACKAGE_ROOT, 'node_modules', BROTLI_WASM));
}

/** Brotli, instantiated from the package's module on the first call. */
export function nodeBrotli(): Promise<Brotli> {
  return brotliFrom(brotliWasm());
}
