import { basename, extname } from 'node:path';
import type { InlineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import type { LoadedSpeech } from '../speech/load.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { deckFonts } from './plugins/fonts.ts';
import { oneFilePage } from './plugins/one-file.ts';
import { deckPage } from './plugins/page.ts';
import { LiveSpeech, type SpeechSource } from '../speech/live.ts';
import { trimRevealCss } from './trim-reveal-css.ts';
import { REVEAL_SOURCES, trimRevealJs } from './trim-reveal-js.ts';

/** Oldest browsers the deck must run in: Chrome/Edge 109 are the last on Windows 7. */
export const BROWSER_TARGET = ['chrome109', 'edge109', 'firefox115', 'safari15'];

/** The speech: a path (read now, and again on every save in the dev server), or a speech the command has read. */
export type DeckConfigOptions = DeckSettings & ({ input: string } | { speech: SpeechSource });

interface DeckSettings {
  /** Where Vite writes the built page: a private folder of the build command's, never the user's. */
  outDir?: string;
  /** Called with every version of the speech read, so the caller can print its problems. */
  report?: (loaded: LoadedSpeech) => void;
  /** Called with a line of progress on slow steps (font subsetting). */
  progress?: (message: string) => void;
  /** Where font subsets are kept between builds; defaults to node_modules/.cache/speech-deck/fonts. */
  fontCacheDir?: string | undefined;
}

/** The one Vite configuration for the deck, used by the CLI and by `vite.config.ts`. */
export function deckConfig(options: DeckConfigOptions): InlineConfig {
  const source = 'speech' in options ? options.speech : new LiveSpeech(options.input);
  const name = basename(source.path, extname(source.path));
  return {
    root: PACKAGE_ROOT,
    configFile: false,
    base: './',
    // Each plugin does one job, in this order: the page from the speech, its fonts, then one file with its policy.
    plugins: [
      trimRevealJs(),
      deckPage(source, { report: options.report }),
      deckFonts(source, { fontCacheDir: options.fontCacheDir, progress: options.progress }),
      viteSingleFile({ removeViteModuleLoader: true }),
      oneFilePage(name),
    ],
    // reveal.js and reveal.css cut to the features the deck uses (the file must stay small; see trim-reveal-js.ts
    // and trim-reveal-css.ts): reveal comes from its sources, whose unused controllers the bundler leaves out.
    resolve: { alias: [{ find: /^reveal\.js$/, replacement: REVEAL_SOURCES }] },
    css: { postcss: { plugins: [trimRevealCss()] } },
    // The dev server looks for dependencies in the deck's page only: studio.html belongs to the studio's own build,
    // whose data module this configuration does not provide (scanning it printed a failure on every `npm start`).
    optimizeDeps: { entries: ['index.html'], exclude: ['reveal.js'] },
    build: {
      target: BROWSER_TARGET,
      cssTarget: BROWSER_TARGET,
      outDir: options.outDir ?? 'dist',
      // The build writes only into a fresh private folder, which there is no reason to empty; nothing else is copied.
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      // The font subsetting is slow on purpose (and cached); the CLI prints its own progress instead.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  };
}
