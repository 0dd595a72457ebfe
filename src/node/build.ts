import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { build } from 'vite';
import { CLIError, formatProblem } from './errors.ts';
import { embedPictures } from './images.ts';
import { displayPath, loadSpeech, type LoadedSpeech } from './load.ts';
import { hasErrors } from '../core/model.ts';
import { describeSize, sizeBreakdown } from './size.ts';
import { deckSeconds, formatDuration } from '../core/timing.ts';
import { deckConfig } from './vite-config.ts';

/** Prints a speech's problems, once per distinct set, to stderr. */
export function createReporter(): (loaded: LoadedSpeech) => void {
  let last = '';
  return (loaded) => {
    const text = loaded.deck.problems.map((p) => formatProblem(loaded.file, p)).join('\n');
    if (text && text !== last) console.error(text);
    last = text;
  };
}

/** Loads the speech, its pictures included, and stops with a clear message when it has errors. */
export async function checkedSpeech(input: string, report: (loaded: LoadedSpeech) => void): Promise<LoadedSpeech> {
  const loaded = loadSpeech(input);
  loaded.deck.problems = [...loaded.deck.problems, ...(await embedPictures(loaded.deck, input))].sort((a, b) => a.line - b.line);
  report(loaded);
  const errors = loaded.deck.problems.filter((p) => p.severity === 'error').length;
  if (hasErrors(loaded.deck.problems)) {
    throw new CLIError(`${loaded.file}: ${errors} error${errors > 1 ? 's' : ''} (listed above); fix ${errors > 1 ? 'them' : 'it'} and try again`);
  }
  return loaded;
}

/** Builds the one-file deck and returns its path. */
export async function buildDeck(input: string, outDir: string, options: { fontCacheDir?: string } = {}): Promise<string> {
  const started = performance.now();
  const { deck, file } = await checkedSpeech(input, createReporter());
  const out = resolve(outDir);
  const target = join(out, `${basename(input, extname(input))}.html`);
  console.log(`Building ${displayPath(target)} from ${file} …`);
  await build({ ...deckConfig({ input, outDir: out, ...options, progress: (line) => console.log(line) }), logLevel: 'warn' });
  const size = describeSize(sizeBreakdown(readFileSync(target, 'utf8')));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${displayPath(target)} in ${seconds} s: ${deck.slides.length} slides, about ${formatDuration(deckSeconds(deck))} of speaking`);
  console.log(`  ${size}`);
  return target;
}

