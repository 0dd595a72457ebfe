/**
 * The deck page's shell: the page as Vite builds it for any speech (reveal.js, the theme and the page code, bundled
 * and inlined), with the places for a speech's title, slides, fonts and stamp cut out (render/page.ts). It is built
 * once per version of the program, by building a tiny speech with Vite and cutting that page, and kept in the
 * cache; after that a build fills it without loading Vite at all. The cut is checked by filling the tiny speech
 * back in and comparing with the page Vite built, byte for byte, so a change in the page's shape cannot silently
 * give a different deck. `speech-deck studio` carries the same shell.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '../../core/parse.ts';
import { inlineScripts, insertPolicy, POLICY_META } from '../../render/csp.ts';
import { escapeMarkup as escapeHtml } from '../../core/escape.ts';
import { fillTemplate, render } from '../../render/html.ts';
import { FONTS_MARKER, SPEECH_MARKER, type DeckShell } from '../../render/page.ts';
import { keepCached, readCached } from '../files/cache.ts';
import { say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { cannotWrite, osErrorCode, privateFolder, writeFailure } from '../files/output.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { displayPath } from '../files/paths.ts';
import { BUILD, FILES } from '../messages.ts';
import { generatorVersion } from '../speech/stamp.ts';
import { addLineBreaks } from '../speech/words.ts';

/** Where shells are kept, below the project folder, beside the font subsets. */
export const DEFAULT_SHELL_CACHE = 'node_modules/.cache/speech-deck/shell';

/** The speech whose built page becomes the shell: short, so that its fonts are quick to make. */
const SHELL_SPEECH = '# 讲话\n\n- 要点\n\n开场白。\n';

/** How many times a shell has been built with Vite in this process (tests count them). */
export const shellBuilds = { count: 0 };

/** Builds the deck page for the shell speech with Vite in `workDir` and cuts it into the shell; checks the cut. */
export async function buildShell(workDir: string, fontCacheDir?: string): Promise<DeckShell> {
  const [{ build }, { deckConfig }] = await Promise.all([import('vite'), import('./vite-config.ts')]);
  shellBuilds.count++;
  const speech = join(workDir, 'shell.md');
  writeFileSync(speech, SHELL_SPEECH);
  const out = join(workDir, 'shell');
  await build({ ...deckConfig({ input: speech, outDir: out, ...(fontCacheDir ? { fontCacheDir } : {}) }), logLevel: 'error' });
  const page = readdirSync(out).find((name) => name.endsWith('.html'));
  if (!page) throw new Error('the deck build wrote no page');
  const built = readFileSync(join(out, page), 'utf8');

  const deck = parse(SHELL_SPEECH);
  addLineBreaks(deck);
  const rendered = render(deck);
  const cuts: Array<[string, RegExp | string, string]> = [
    ['policy', POLICY_META, ''],
    ['title', `<title>${escapeHtml(rendered.title)}</title>`, '<title><!--speech-deck:title--></title>'],
    ['slides', fillTemplate('<!--speech-deck:deck-->', rendered), '<!--speech-deck:deck-->'],
    ['fonts', /(?:@font-face\{[^}]*\})+/, FONTS_MARKER],
    ['stamp', /(?<=<meta name="speech-deck-speech" content="sha256-)[0-9a-f]{64}(?=")/, SPEECH_MARKER],
  ];
  let shell = built;
  const taken: Record<string, string> = {};
  for (const [name, pattern, marker] of cuts) {
    const count = typeof pattern === 'string' ? shell.split(pattern).length - 1 : [...shell.matchAll(new RegExp(pattern, 'g'))].length;
    if (count !== 1)
      throw new Error(`the deck page's ${name} was found ${count} times instead of once: src/node/page/shell.ts must learn the page's new shape`);
    shell = shell.replace(pattern, (found) => {
      taken[name] = found;
      return marker;
    });
  }
  const policy = /content="([^"]*)"/.exec(taken.policy!)![1]!;
  if (taken.stamp !== createHash('sha256').update(SHELL_SPEECH).digest('hex'))
    throw new Error("the deck's stamp is no longer the hash of the speech's text: src/node/page/shell.ts must learn it");
  const again = insertPolicy(
    fillTemplate(
      shell.replace(FONTS_MARKER, () => taken.fonts!).replace(SPEECH_MARKER, () => taken.stamp!),
      rendered,
    ),
    policy,
  );
  if (again !== built) throw new Error('the deck page cut into a shell does not give the same page back: src/node/page/shell.ts must learn its new shape');
  return { shell, fontsMarker: FONTS_MARKER, speechMarker: SPEECH_MARKER };
}

/** A shell read back from the cache must have each of its places once and its script whole. */
function wholeShell(bytes: Buffer): boolean {
  const text = bytes.toString('utf8');
  const once = (marker: string) => text.split(marker).length === 2;
  return (
    [FONTS_MARKER, SPEECH_MARKER, '<!--speech-deck:title-->', '<!--speech-deck:deck-->'].every(once) &&
    inlineScripts(text).length > 0 &&
    text.trimEnd().endsWith('</html>')
  );
}

/** The cache key of the shell built by a program of this version stamp (stamp.ts: sources and dependencies). */
export function shellKey(generator: string): string {
  return createHash('sha256').update(generator).digest('hex').slice(0, 32);
}

export interface ShellOptions {
  /** Where font subsets are kept (the shell speech's own fonts are made once). */
  fontCacheDir?: string | undefined;
  /** Where shells are kept; defaults to node_modules/.cache/speech-deck/shell. */
  shellCacheDir?: string | undefined;
  progress?: (line: string) => void;
}

/**
 * The shell for this version of the program: from the cache, or built with Vite once and kept. The key is the
 * program's own version stamp, which hashes every source file, `index.html` and the locked dependency versions.
 */
export async function cachedShell(options: ShellOptions = {}): Promise<DeckShell> {
  const cacheDir = resolve(PACKAGE_ROOT, options.shellCacheDir ?? DEFAULT_SHELL_CACHE);
  const key = shellKey(generatorVersion());
  const cached = readCached(cacheDir, key, 'html', wholeShell);
  if (cached) return { shell: cached.toString('utf8'), fontsMarker: FONTS_MARKER, speechMarker: SPEECH_MARKER };
  options.progress?.(say(BUILD.bundling));
  const work = privateFolder();
  try {
    const parts = await buildShell(work.path, options.fontCacheDir).catch((error: unknown) => {
      throw buildFailure(error, work.path);
    });
    await keepCached(cacheDir, key, 'html', Buffer.from(parts.shell), (why) => options.progress?.(say(BUILD.pageNotKept, { why })));
    return parts;
  } finally {
    work.release();
  }
}

/**
 * A failed build in plain words. Our own plugins throw messages meant for the user; file system errors from the
 * bundler (a full disk, say) arrive as Rust panics with a backtrace and a request to report them, and are put
 * the way every other write failure is.
 */
export function buildFailure(error: unknown, outDir: string): Error {
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
    const reason = writeFailure({ code });
    if (failed instanceof CLIError && reason) return new CLIError(say(FILES.cannotWriteTemp, { path: displayPath(outDir), reason }));
  }
  const line = message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^Build failed with/i.test(l) && !/please report/i.test(l) && !/^\[[A-Z_]+\]\s*$/.test(l));
  return new CLIError(say(BUILD.failed, { detail: line ?? BUILD.silentBundler }));
}
