/**
 * HarfBuzz's subsetter, the one the CLI runs through subset-font, compiled to WebAssembly by the harfbuzzjs
 * package (harfbuzz-subset.wasm). subset-font reads the .wasm with Node's fs, so the studio calls the same C API
 * (hb_subset_input_*, hb_subset_or_fail) itself, with the same settings: every layout feature kept, the rest
 * HarfBuzz's defaults. Instantiating WebAssembly needs 'wasm-unsafe-eval' in the page's policy.
 */

interface Exports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/** A font loaded once into HarfBuzz's memory, to be subset as often as the speech changes. */
export interface LoadedFace {
  /** A TrueType font holding the glyphs of `codePoints` (and what their layout features reach). */
  subset(codePoints: Iterable<number>): Uint8Array;
}

export interface HarfBuzz {
  load(ttf: Uint8Array): LoadedFace;
}

/** Instantiates harfbuzz-subset.wasm from its bytes (no fetch: the page may not connect anywhere). */
export async function loadHarfBuzz(wasm: Uint8Array): Promise<HarfBuzz> {
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>));
  const hb = instance.exports as unknown as Exports;
  hb._initialize();
  // Memory can grow during any call, which detaches earlier views: take a fresh one at each use.
  const heap = () => new Uint8Array(hb.memory.buffer);
  return {
    load(ttf) {
      const pointer = hb.malloc(ttf.length);
      heap().set(ttf, pointer);
      const blob = hb.hb_blob_create(pointer, ttf.length, HB_MEMORY_MODE_READONLY, 0, 0);
      const face = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      return {
        subset(codePoints) {
          const input = hb.hb_subset_input_create_or_fail();
          if (!input) throw new Error('HarfBuzz could not start a subset');
          try {
            const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
            hb.hb_set_clear(features);
            hb.hb_set_invert(features);
            const unicodes = hb.hb_subset_input_unicode_set(input);
            for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
            const result = hb.hb_subset_or_fail(face, input);
            if (!result) throw new Error('HarfBuzz could not subset the font');
            const out = hb.hb_face_reference_blob(result);
            const data = hb.hb_blob_get_data(out, 0);
            const bytes = heap().slice(data, data + hb.hb_blob_get_length(out));
            hb.hb_blob_destroy(out);
            hb.hb_face_destroy(result);
            return bytes;
          } finally {
            hb.hb_subset_input_destroy(input);
          }
        },
      };
    },
  };
}
