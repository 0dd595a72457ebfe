import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { CLIError, formatProblem } from './errors.ts';
import { embedPictures } from './images.ts';
import { displayPath, loadSpeech, type LoadedSpeech } from './load.ts';
import { hasErrors } from '../core/model.ts';
import { cannotWrite, ensureFolder, osErrorCode, privateFolder, writeOutputs } from './output.ts';
import { describeSize, sizeBreakdown } from './size.ts';
import { fixedSpeech } from './speech-source.ts';
import { deckSeconds, formatDuration } from '../core/timing.ts';

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
  const errors = loaded.deck.problems.filter((p) => p.severity === 'error').length;
  if (hasErrors(loaded.deck.problems)) {
    throw new CLIError(`${loaded.file}: ${errors} error${errors > 1 ? 's' : ''} (listed above); fix ${errors > 1 ? 'them' : 'it'} and try again`);
  }
  return loaded;
}

export interface BuildOptions {
  fontCacheDir?: string;
  /** The speech, when the command has read it already; read from `input` otherwise. */
  speech?: LoadedSpeech;
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
 * Builds the one-file deck: Vite works in a private temporary folder, and the finished page alone is written to
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
  console.log(`Building ${displayPath(target)} from ${loaded.file} …`);
  const work = privateFolder();
  try {
    await viteBuild(loaded, work.path, options.fontCacheDir);
    const html = readFileSync(join(work.path, `${name}.html`), 'utf8');
    await writeOutputs([{ path: target, data: html, check: wholePage }]);
    const size = describeSize(sizeBreakdown(html));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Wrote ${displayPath(target)} in ${seconds} s: ${loaded.deck.slides.length} slides, about ${formatDuration(deckSeconds(loaded.deck))} of speaking`);
    console.log(`  ${size}`);
    return { path: target, html };
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

/**
 * A failed build in plain words. Our own plugins throw messages meant for the user; file system errors from the
 * bundler (a full disk, say) arrive as Rust panics with a backtrace and a request to report them, and are put
 * the way every other write failure is.
 */
function buildFailure(error: unknown, outDir: string): Error {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (e instanceof CLIError) return e;
    const errors = (e as { errors?: unknown[] }).errors;
    const inner = errors?.find((x) => x instanceof CLIError);
    if (inner) return inner as CLIError;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code ?? osErrorCode(message);
  if (code && /^E[A-Z]+$/.test(code)) {
    const failed = cannotWrite(outDir, { code });
    if (failed instanceof CLIError) return new CLIError(failed.message.replace(/:/, ", the build's temporary folder (set TMPDIR to use another):"));
  }
  const line = message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^Build failed with/i.test(l) && !/please report/i.test(l) && !/^\[[A-Z_]+\]\s*$/.test(l));
  return new CLIError(`the deck could not be built: ${line ?? 'the bundler stopped without saying why'}`);
}

