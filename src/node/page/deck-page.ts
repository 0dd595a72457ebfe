/**
 * The deck page for a loaded speech: its slides, fonts and stamp filled into the cached page shell, or (with
 * `bundle`) the whole page bundled by Vite in a private folder, as the dev server does. Both give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { faceText } from '../../core/charset.ts';
import { fillShell } from '../../render/page.ts';
import { privateFolder } from '../files/output.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { DEFAULT_FONT_CACHE, embedFonts, embedTitleFonts, fontFaceCss, missingFontWarnings } from '../fonts/embed.ts';
import type { LoadedSpeech } from '../speech/load.ts';
import { fixedSpeech } from '../speech/live.ts';
import { stampFor } from '../speech/stamp.ts';
import { withContentSecurityPolicy } from './csp.ts';
import { buildFailure, cachedShell } from './shell.ts';

export interface DeckPageOptions {
  fontCacheDir?: string | undefined;
  /** Where the page shell is kept (shell.ts); defaults to node_modules/.cache/speech-deck/shell. */
  shellCacheDir?: string | undefined;
  /** Bundle the whole page with Vite rather than fill the cached shell. */
  bundle?: boolean | undefined;
  progress: (line: string) => void;
}

/** The finished one-file page of a speech, named `<name>.html` when bundled. */
export async function deckPage(loaded: LoadedSpeech, name: string, options: DeckPageOptions): Promise<string> {
  return options.bundle ? bundledPage(loaded, name, options) : shellPage(loaded, options);
}

/** A page read back from the disk must end where it should. */
export function wholePage(written: Uint8Array): void {
  if (!Buffer.from(written.subarray(-64)).toString('utf8').includes('</html>')) throw new Error('the page does not end with </html>');
}

/** The page from the cached shell: the speech's fonts subset (or read from their cache), the rest filled in. */
async function shellPage(loaded: LoadedSpeech, options: DeckPageOptions): Promise<string> {
  const fontCacheDir = resolve(PACKAGE_ROOT, options.fontCacheDir ?? DEFAULT_FONT_CACHE);
  const parts = await cachedShell({ fontCacheDir, shellCacheDir: options.shellCacheDir, progress: options.progress });
  const embedded = await embedFonts(faceText(loaded.deck), fontCacheDir, options.progress);
  for (const line of missingFontWarnings(embedded, basename(loaded.path))) console.warn(line);
  const title = await embedTitleFonts(loaded.deck, fontCacheDir, options.progress);
  return withContentSecurityPolicy(fillShell(parts, loaded.deck, fontFaceCss([...embedded.fonts, ...title]), stampFor(loaded).speech));
}

/** The page bundled by Vite in a private folder. */
async function bundledPage(loaded: LoadedSpeech, name: string, options: DeckPageOptions): Promise<string> {
  const work = privateFolder();
  try {
    await viteBuild(loaded, work.path, options);
    return readFileSync(join(work.path, `${name}.html`), 'utf8');
  } finally {
    work.release();
  }
}

async function viteBuild(loaded: LoadedSpeech, outDir: string, options: DeckPageOptions): Promise<void> {
  // Vite and the plugins load only now: a folder that cannot be written is reported without waiting for them.
  const [{ build, createLogger }, { deckConfig }] = await Promise.all([import('vite'), import('./vite-config.ts')]);
  // Vite would print its own "Build failed" before the error is explained below in plain words.
  const logger = createLogger('warn');
  logger.error = () => undefined;
  try {
    await build({
      ...deckConfig({ speech: fixedSpeech(loaded), outDir, fontCacheDir: options.fontCacheDir, progress: options.progress }),
      logLevel: 'warn',
      customLogger: logger,
    });
  } catch (error) {
    throw buildFailure(error, outDir);
  }
}
