/**
 * `speech-deck build`: the speech as one self-contained HTML file, `<out-dir>/<name>.html`, that presents offline
 * from a USB stick. The speech is read and checked once, its page made (fonts subset to its characters), and the
 * page alone written in one atomic step; nothing else in the folder is touched.
 */
import { basename, extname, join, resolve } from 'node:path';
import type { LoadedSpeech } from '../speech/load.ts';
import { say } from '../../core/say.ts';
import { displayPath } from '../files/paths.ts';
import { BUILD } from '../messages.ts';
import { type Command, DEFAULT_OUT_DIR, OUT_DIR, SPEECH_ARGUMENT, stringOption } from './command.ts';

export const build: Command = {
  name: 'build',
  summary: { zh: '生成一个自带一切的 HTML 文件，拷到 U 盘即可离线放映', en: 'write one self-contained HTML file that presents offline' },
  argument: SPEECH_ARGUMENT,
  options: { 'out-dir': OUT_DIR },
  run: async ({ file, values }) => {
    await buildDeck(file, stringOption(values, 'out-dir', DEFAULT_OUT_DIR));
    return 0;
  },
};

export interface BuildOptions {
  fontCacheDir?: string;
  /** Where the page shell is kept (page/shell.ts); defaults to node_modules/.cache/speech-deck/shell. */
  shellCacheDir?: string;
  /** The speech, when the command has read it already; read from `input` otherwise. */
  speech?: LoadedSpeech;
  /** Bundle the whole page with Vite, as the dev server does, rather than fill the cached shell (same bytes). */
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

/** Builds the one-file deck, `<outDir>/<name>.html`, and returns it. */
export async function buildDeckFile(input: string, outDir: string, options: BuildOptions = {}): Promise<BuiltDeck> {
  const started = performance.now();
  const [{ loadSpeech }, { checkedSpeech, createReporter }, { ensureFolder, writeOutputs }, { deckPage, wholePage }, { describeSize, sizeBreakdown }, timing] =
    await Promise.all([
      import('../speech/load.ts'),
      import('../speech/checked.ts'),
      import('../files/output.ts'),
      import('../page/deck-page.ts'),
      import('../page/size.ts'),
      import('../../core/timing.ts'),
    ]);
  const loaded = await checkedSpeech(options.speech ?? loadSpeech(input), createReporter());
  const out = resolve(outDir);
  const name = basename(input, extname(input));
  const target = join(out, `${name}.html`);
  // Said before the slow part: a folder that cannot be made is known at once.
  ensureFolder(out);
  console.log(say(BUILD.building, { target: displayPath(target), source: loaded.file }));
  const progress = (line: string) => console.log(line);
  const html = await deckPage(loaded, name, { ...options, progress });
  await writeOutputs([{ path: target, data: html, check: wholePage }]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const slides = loaded.deck.slides.length;
  const spoken = timing.deckSeconds(loaded.deck);
  const duration = { zh: timing.formatDurationZh(spoken), en: timing.formatDuration(spoken) };
  console.log(say(BUILD.built, { target: displayPath(target), seconds, slides, duration }));
  console.log(`  ${describeSize(sizeBreakdown(html))}`);
  return { path: target, html };
}
