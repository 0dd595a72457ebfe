/** What `speech-deck studio` builds into the page (src/node/page/studio-page.ts). */
declare module 'virtual:speech-deck/studio-data' {
  /** The built deck page without its slides, title, fonts and policy, with placeholders where they go. */
  export const shell: string;
  /** The marker in `shell`'s style sheet where the deck's @font-face rules go. */
  export const fontsMarker: string;
  /** Fixed official terms a heading never wraps inside (node/speech/words.ts WHOLE_TERMS, from the proofreader's dictionary). */
  export const wholeTerms: string[];
  /** The marker in `shell`'s stamp where the SHA-256 of the speech's Markdown goes, in hex. */
  export const speechMarker: string;
  /** Each embedded face subset to the common characters; `woff` is the id of its data block (base64 WOFF2). */
  export const faces: Array<{ role: 'heading' | 'body' | 'strong'; family: string; weight: 400 | 700; characters: string; woff: string }>;
  /** The id of the data block holding HarfBuzz's subsetter, harfbuzz-subset.wasm, gzip-compressed, as base64. */
  export const harfbuzz: string;
  /** The id of the data block holding Brotli (brotli-wasm's brotli_wasm_bg.wasm), gzip-compressed, as base64. */
  export const brotli: string;
  /** The id of the data block holding the proofreader's dictionary (jieba's dict.txt), gzip-compressed, as base64. */
  export const dictionary: string;
}
