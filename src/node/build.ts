import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { faceText } from '../core/charset.ts';
import { fillShell } from '../render/page.ts';
import { withContentSecurityPolicy } from './csp.ts';
import { DEFAULT_FONT_CACHE, embedFonts, fontFaceCss, missingFontWarnings } from './fonts.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { buildFailure, cachedShell } from './shell.ts';
import { stampFor } from './stamp.ts';
import { CLIError, formatProblem } from './errors.ts';
import { embedPictures } from './images.ts';
import { displayPath, loadSpeech, type LoadedSpeech } from './load.ts';
import { hasErrors } from '../core/model.ts';
import { ensureFolder, privateFolder, writeOutputs } from './output.ts';
import { describeSize, sizeBreakdown } from './size.ts';
import { fixedSpeech } from './speech-source.ts';
import { deckSeconds, formatDuration, formatDurationZh } from '../core/timing.ts';

/** Prints a speech's problems, once per distinct set, to stderr. */
export function createReporter(): (loaded: LoadedSpeech) => void {
  let last = '';
  return (loaded) => {
    const text = loaded.deck.problems.map((p) => formatProblem(loaded.file, p)).join('\n');
    if (text && text !== last) console.error(text);
    last = text;
  };
}

/** Speeches whose pictures are embedded already: a command that checks the speech twice embeds them once. */
const withPictures = new WeakSet<LoadedSpeech>();

/** Embeds the speech's pictures, prints its problems and stops with a clear message when it has errors. */
export async function checkedSpeech(loaded: LoadedSpeech, report: (loaded: LoadedSpeech) => void): Promise<LoadedSpeech> {
  if (!withPictures.has(loaded)) {
    withPictures.add(loaded);
    loaded.deck.problems = [...loaded.deck.problems, ...(await embedPictures(loaded.deck, loaded.path))].sort((a, b) => a.line - b.line);
  }
  report(loaded);
  await loaded.words?.keep();
  const errors = loaded.deck.problems.filter((p) => p.severity === 'error').length;
  if (hasErrors(loaded.deck.problems)) {
    throw new CLIError(`${loaded.file}: ${errors} error${errors > 1 ? 's' : ''} (listed above); fix ${errors > 1 ? 'them' : 'it'} and try again`);
  }
  return loaded;
}

export interface BuildOptions {
  fontCacheDir?: string;
  /** Where the page shell is kept (node/shell.ts); defaults to node_modules/.cache/speech-deck/shell. */
  shellCacheDir?: string;
  /** The speech, when the command has read it already; read from `input` otherwise. */
  speech?: LoadedSpeech;
  /**
   * Bundle the whole page with Vite, as the dev server does, rather than fill the cached shell. Both give the
   * same file byte for byte (tested); the shell is what builds use, as it needs no bundler.
   */
  bundle?: boolean;
}

/** A finished build: where the page was written, and the page itself. */
export interface BuiltDeck {
  path: string;
  html: string;
}

/** Builds the one-file deck and returns its path. */
export async function buildDeck(input: string, outDir: string, options: BuildOptions = {}): Promise<string> {
  return (await buildDeckFile(input, outDir, options)).path;
}

/**
 * Builds the one-file deck: the speech's slides, fonts and stamp filled into the cached page shell (or, with
 * `bundle`, the page bundled by Vite in a private temporary folder); the finished page alone is written to
 * `<outDir>/<name>.html` in one atomic step. Nothing else in `outDir` is touched.
 */
export async function buildDeckFile(input: string, outDir: string, options: BuildOptions = {}): Promise<BuiltDeck> {
  const started = performance.now();
  const loaded = await checkedSpeech(options.speech ?? loadSpeech(input), createReporter());
  const out = resolve(outDir);
  const name = basename(input, extname(input));
  const target = join(out, `${name}.html`);
  // Said before the slow part: a folder that cannot be made is known at once.
  ensureFolder(out);
  console.log(`Building ${displayPath(target)} from ${loaded.file} … · 正在生成幻灯片`);
  const html = options.bundle ? await bundledPage(loaded, name, options.fontCacheDir) : await shellPage(loaded, options);
  await writeOutputs([{ path: target, data: html, check: wholePage }]);
  const size = describeSize(sizeBreakdown(html));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${displayPath(target)} in ${seconds} s: ${loaded.deck.slides.length} slides, about ${formatDuration(deckSeconds(loaded.deck))} of speaking · 已写出：${loaded.deck.slides.length} 张幻灯片，约讲 ${formatDurationZh(deckSeconds(loaded.deck))}`);
  console.log(`  ${size}`);
  return { path: target, html };
}

/** The page from the cached shell: the speech's fonts subset (or read from their cache), the rest filled in. */
async function shellPage(loaded: LoadedSpeech, options: BuildOptions): Promise<string> {
  const progress = (line: string) => console.log(line);
  const fontCacheDir = resolve(PACKAGE_ROOT, options.fontCacheDir ?? DEFAULT_FONT_CACHE);
  const parts = await cachedShell({ fontCacheDir, shellCacheDir: options.shellCacheDir, progress });
  const embedded = await embedFonts(faceText(loaded.deck), fontCacheDir, progress);
  for (const line of missingFontWarnings(embedded, basename(loaded.path))) console.warn(line);
  return withContentSecurityPolicy(fillShell(parts, loaded.deck, fontFaceCss(embedded.fonts), stampFor(loaded).speech));
}

/** The page bundled by Vite in a private folder. */
async function bundledPage(loaded: LoadedSpeech, name: string, fontCacheDir: string | undefined): Promise<string> {
  const work = privateFolder();
  try {
    await viteBuild(loaded, work.path, fontCacheDir);
    return readFileSync(join(work.path, `${name}.html`), 'utf8');
  } finally {
    work.release();
  }
}

/** A page read back from the disk must end where it should. */
function wholePage(written: Uint8Array): void {
  if (!Buffer.from(written.subarray(-64)).toString('utf8').includes('</html>')) throw new Error('the page does not end with </html>');
}

async function viteBuild(loaded: LoadedSpeech, outDir: string, fontCacheDir: string | undefined): Promise<void> {
  // Vite and the plugins load only now: a folder that cannot be written is reported without waiting for them.
  const [{ build, createLogger }, { deckConfig }] = await Promise.all([import('vite'), import('./vite-config.ts')]);
  // Vite would print its own "Build failed" before the error is explained below in plain words.
  const logger = createLogger('warn');
  logger.error = () => undefined;
  try {
    await build({
      ...deckConfig({ speech: fixedSpeech(loaded), outDir, fontCacheDir, progress: (line) => console.log(line) }),
      logLevel: 'warn',
      customLogger: logger,
    });
  } catch (error) {
    throw buildFailure(error, outDir);
  }
}


