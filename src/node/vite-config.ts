import type { InlineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { PACKAGE_ROOT } from './package-root.ts';
import { trimRevealCss } from './trim-reveal-css.ts';
import { speechDeck, type DeckPluginOptions } from './vite-plugin.ts';

export { PACKAGE_ROOT };

/** Oldest browsers the deck must run in: Chrome/Edge 109 are the last on Windows 7. */
export const BROWSER_TARGET = ['chrome109', 'edge109', 'firefox115', 'safari15'];

export interface DeckConfigOptions extends DeckPluginOptions {
  outDir?: string;
}

/** The one Vite configuration for the deck, used by the CLI and by `vite.config.ts`. */
export function deckConfig(options: DeckConfigOptions): InlineConfig {
  return {
    root: PACKAGE_ROOT,
    configFile: false,
    base: './',
    plugins: [speechDeck(options), viteSingleFile({ removeViteModuleLoader: true })],
    // reveal.css cut to the features the deck uses (the file must stay small; see trim-reveal-css.ts).
    css: { postcss: { plugins: [trimRevealCss()] } },
    build: {
      target: BROWSER_TARGET,
      cssTarget: BROWSER_TARGET,
      outDir: options.outDir ?? 'dist',
      emptyOutDir: true,
      reportCompressedSize: false,
      // The font subsetting is slow on purpose (and cached); the CLI prints its own progress instead.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  };
}
