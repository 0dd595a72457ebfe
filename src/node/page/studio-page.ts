/**
 * The studio page, speech-deck-studio.html, one offline page that does in a browser what the CLI
 * does (Word or text file → deck, .pptx and Markdown), for office PCs that have Chrome or Edge but no Node.
 *
 * The page carries, besides its own code (src/studio/):
 * - the deck's page shell (shell.ts), the one `speech-deck build` fills: the deck page as Vite builds it,
 *   with its title, slides, fonts and stamp cut out at known places;
 * - the three deck faces subset to the common characters (common-chars.ts) as WOFF2 (render/woff2.ts), which the
 *   page subsets again to each speech's characters with HarfBuzz (harfbuzz-subset.wasm, also carried) in a worker
 *   and writes as WOFF2 again with the same writer and Brotli (brotli-wasm's module, carried too);
 * - the proofreader's dictionary (jieba's dict.txt, gzip-compressed), which a second worker unpacks with the
 *   browser's DecompressionStream to cut words as the CLI does (proofread/cut.ts) and proofread the speech.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import subsetFont from 'subset-font';
import { inlineScripts, insertPolicy } from '../../render/csp.ts';
import { FONTS_MARKER, SPEECH_MARKER } from '../../render/page.ts';
import { PREVIEW_SHIM } from '../../studio/preview-shim.ts';
import { commonCharacters } from '../fonts/common-chars.ts';
import { scriptHash } from './csp.ts';
import { displayPath } from '../files/paths.ts';
import { DEFAULT_FONT_CACHE, embedFonts, FACES } from '../fonts/embed.ts';
import { privateFolder, writeOutputs } from '../files/output.ts';
import { WHOLE_TERMS } from '../speech/words.ts';
import { kb } from './size.ts';
import { say } from '../../core/say.ts';
import { BUILD } from '../messages.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { cachedShell } from './shell.ts';
import { BROWSER_TARGET } from './vite-config.ts';
import { brotliWasm, nodeBrotli } from '../fonts/brotli.ts';
import { sfntToWoff2 } from '../../render/woff2.ts';

export const STUDIO_FILE = 'speech-deck-studio.html';

const DATA_MODULE = 'virtual:speech-deck/studio-data';

export interface StudioParts {
  shell: string;
  /** The inline scripts of the deck page, which the studio's own policy must allow for its preview. */
  shellScripts: string[];
  faces: Array<{ role: string; family: string; weight: number; characters: string; woff: Uint8Array }>;
  /** HarfBuzz's subsetter, gzip-compressed. */
  harfbuzz: Uint8Array;
  /** Brotli's WebAssembly module, gzip-compressed. */
  brotli: Uint8Array;
  /** The proofreader's dictionary, gzip-compressed. */
  dictionary: Uint8Array;
}

export interface StudioBuild {
  path: string;
  bytes: number;
  /** Bytes of the page by part, base64 included where the part is carried as base64. */
  parts: { fonts: number; harfbuzz: number; brotli: number; dictionary: number; shell: number; rest: number };
  seconds: number;
}

/** The three deck faces, subset to the common characters, as WOFF2 written by render/woff2.ts (as the page writes them). */
export async function studioFaces(fontCacheDir: string, progress: (line: string) => void): Promise<StudioParts['faces']> {
  const characters = commonCharacters().join('');
  const embedded = await embedFonts({ heading: characters, body: characters, strong: characters }, fontCacheDir, progress);
  const faces: StudioParts['faces'] = [];
  for (const spec of FACES) {
    const font = embedded.fonts.find((f) => f.family === spec.family && f.weight === spec.weight);
    if (!font) throw new Error(`no ${spec.family} ${spec.weight} font was made`);
    const cached = join(fontCacheDir, `studio-2-${createHash('sha256').update(font.woff2).digest('hex').slice(0, 32)}.woff2`);
    let woff: Uint8Array;
    try {
      woff = readFileSync(cached);
    } catch {
      progress(say(BUILD.convertingFace, { face: `${spec.family} ${spec.weight}` }));
      const ttf = await subsetFont(font.woff2, font.characters.join(''), { targetFormat: 'truetype' });
      // Untransformed, so that the page reads them back with no more than Brotli (woff2ToSfnt).
      woff = sfntToWoff2(ttf, await nodeBrotli(), false);
      // A cache that cannot be written only costs time later.
      await writeOutputs([{ path: cached, data: woff }], { cache: true }).catch(() => undefined);
    }
    faces.push({ role: spec.role, family: spec.family, weight: spec.weight, characters: font.characters.join(''), woff });
  }
  return faces;
}

/** A block of data the page reads but never runs: the type keeps the browser from parsing it as script. */
export const DATA_TYPE = 'application/octet-stream';

/**
 * The page's data: the shell and the speaker view's scripts as JavaScript constants; the fonts and HarfBuzz
 * (7 MB of base64) as data blocks at the end of the page, which Chrome reads about a third faster than the same
 * text as a JavaScript string, and which show the page's first lines sooner.
 */
function studioData(parts: StudioParts): Plugin {
  const resolved = `\0${DATA_MODULE}`;
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const blocks = [
    ...parts.faces.map((f, i) => ({ id: `speech-deck-face-${i}`, data: f.woff })),
    { id: DICTIONARY_BLOCK, data: parts.dictionary },
    { id: BROTLI_BLOCK, data: parts.brotli },
    { id: 'speech-deck-harfbuzz', data: parts.harfbuzz },
  ];
  return {
    name: 'speech-deck-studio',
    resolveId: (id) => (id === DATA_MODULE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const faces = parts.faces.map((f, i) => ({ role: f.role, family: f.family, weight: f.weight, characters: f.characters, woff: blocks[i]!.id }));
      return [
        `export const shell = ${JSON.stringify(parts.shell)};`,
        `export const fontsMarker = ${JSON.stringify(FONTS_MARKER)};`,
        `export const speechMarker = ${JSON.stringify(SPEECH_MARKER)};`,
        `export const wholeTerms = ${JSON.stringify(WHOLE_TERMS)};`,
        `export const faces = ${JSON.stringify(faces)};`,
        `export const harfbuzz = ${JSON.stringify(blocks.at(-1)!.id)};`,
        `export const dictionary = ${JSON.stringify(DICTIONARY_BLOCK)};`,
        `export const brotli = ${JSON.stringify(BROTLI_BLOCK)};`,
      ].join('\n');
    },
    transformIndexHtml: () => blocks.map(({ id, data }) => ({ tag: 'script', attrs: { type: DATA_TYPE, id }, children: b64(data), injectTo: 'body' as const })),
  };
}

const DICTIONARY_BLOCK = 'speech-deck-dictionary';
const BROTLI_BLOCK = 'speech-deck-brotli';

/** jieba's dictionary, as the CLI's proofreader reads it (proofread/segmenter.ts), compressed for the page. */
export function studioDictionary(): Uint8Array {
  return gzipSync(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')), { level: 9 });
}

/**
 * brotli-wasm's glue finds its module beside itself (`new URL('brotli_wasm_bg.wasm', import.meta.url)`) when it is
 * given none, which the bundler would inline as a second copy; the page always gives it the bytes it carries.
 */
function brotliGivenItsModule(): Plugin {
  return {
    name: 'speech-deck-brotli-module',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('brotli-wasm/pkg.web/brotli_wasm.js')) return undefined;
      const found = "new URL('brotli_wasm_bg.wasm', import.meta.url)";
      if (!code.includes(found)) throw new Error('brotli-wasm no longer finds its module as the studio expects');
      return code.replace(found, "(() => { throw new Error('Brotli needs its module'); })()");
    },
  };
}

/** The page's scripts that run (data blocks aside), whose hashes its policy lists. */
function runnableScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs!) && !attrs!.includes(DATA_TYPE))
    .map(([, , code]) => code!);
}

/**
 * The studio's own policy: no connections and no remote sources at all; its scripts and the deck's (for the
 * preview, whose srcdoc frame inherits this policy) by hash; WebAssembly for HarfBuzz; a worker from a blob: URL
 * (the worker's code is inlined in the page); fonts and pictures only from data: and blob: URLs it makes itself.
 */
export function studioPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${[...new Set(scriptHashes)].join(' ')} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'font-src data:',
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Builds the studio page into `outDir` and returns what was written. */
export async function buildStudio(outDir: string, options: { fontCacheDir?: string; progress?: (line: string) => void } = {}): Promise<StudioBuild> {
  const started = performance.now();
  const progress = options.progress ?? ((line: string) => console.log(line));
  const fontCacheDir = resolve(options.fontCacheDir ?? join(PACKAGE_ROOT, DEFAULT_FONT_CACHE));
  const target = join(resolve(outDir), STUDIO_FILE);
  progress(say(BUILD.buildingStudio, { target: displayPath(target) }));
  // Removed when done, or when the command is stopped (output.ts).
  const work = privateFolder();
  try {
    const { shell } = await cachedShell({ fontCacheDir, progress });
    const parts: StudioParts = {
      shell,
      shellScripts: inlineScripts(shell),
      faces: await studioFaces(fontCacheDir, progress),
      harfbuzz: gzipSync(readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')), { level: 9 }),
      brotli: gzipSync(brotliWasm(), { level: 9 }),
      dictionary: studioDictionary(),
    };
    const out = join(work.path, 'studio');
    await build({
      root: PACKAGE_ROOT,
      configFile: false,
      base: './',
      logLevel: 'error',
      plugins: [studioData(parts), brotliGivenItsModule(), viteSingleFile({ removeViteModuleLoader: true })],
      worker: { format: 'iife', plugins: () => [brotliGivenItsModule()] },
      build: {
        target: BROWSER_TARGET,
        cssTarget: BROWSER_TARGET,
        outDir: out,
        // A fresh private folder: nothing to empty, and nothing of the user's is ever emptied.
        emptyOutDir: false,
        reportCompressedSize: false,
        rolldownOptions: { input: join(PACKAGE_ROOT, 'studio.html'), checks: { bundlerTimings: false } },
      },
    });
    const page = readFileSync(join(out, 'studio.html'), 'utf8');
    const html = insertPolicy(page, studioPolicy([...runnableScripts(page), ...parts.shellScripts, PREVIEW_SHIM].map(scriptHash)));
    await writeOutputs([{ path: target, data: html }]);
    const bytes = Buffer.byteLength(html);
    const base64 = (n: number) => Math.ceil(n / 3) * 4;
    const sizes = {
      fonts: parts.faces.reduce((n, f) => n + base64(f.woff.length) + Buffer.byteLength(f.characters), 0),
      harfbuzz: base64(parts.harfbuzz.length),
      brotli: base64(parts.brotli.length),
      dictionary: base64(parts.dictionary.length),
      shell: Buffer.byteLength(parts.shell),
    };
    const result = {
      path: target,
      bytes,
      parts: { ...sizes, rest: bytes - sizes.fonts - sizes.harfbuzz - sizes.brotli - sizes.dictionary - sizes.shell },
      seconds: (performance.now() - started) / 1000,
    };
    progress(
      say(BUILD.builtStudio, {
        target: displayPath(target),
        seconds: result.seconds.toFixed(1),
        mb: (bytes / 1024 / 1024).toFixed(1),
        fonts: kb(sizes.fonts),
        harfbuzz: kb(sizes.harfbuzz),
        brotli: kb(sizes.brotli),
        dictionary: kb(sizes.dictionary),
        shell: kb(sizes.shell),
        rest: kb(result.parts.rest),
      }),
    );
    return result;
  } finally {
    work.release();
  }
}
