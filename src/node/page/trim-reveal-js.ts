import { join } from 'node:path';
import type { Plugin } from 'vite';
import { PACKAGE_ROOT } from '../files/package-root.ts';

/**
 * reveal.js built from its own sources with the controllers the deck never turns on left out, as trim-reveal-css.ts
 * does for its styles: the scroll view (the deck turns it off), auto-animate and the auto-slide control (nothing
 * animates or advances by itself), the lightbox and help overlay (off: the help is in English) and reveal's own
 * notes (our speaker view reads the notes itself), and fitty, which only r-fit-text uses. Each is replaced by
 * `client/reveal-unused.ts`. reveal's prebuilt file holds them all; its sources, shipped in the same package,
 * let the bundler leave them out: about a quarter of the deck's script.
 */
const UNUSED = /[\\/]reveal\.js[\\/]js[\\/](?:controllers[\\/](?:scrollview|autoanimate|overlay|notes)|components[\\/]playback)(?:\.js)?$/;

const STUB = join(PACKAGE_ROOT, 'src', 'client', 'reveal-unused.ts');

/** The module `import Reveal from 'reveal.js'` gets: reveal's sources, not its prebuilt file. */
export const REVEAL_SOURCES = join(PACKAGE_ROOT, 'node_modules', 'reveal.js', 'js', 'index.ts');

/** fitty, for r-fit-text, which no deck has: a function that fits nothing. */
const NO_FITTY = '\0speech-deck:no-fitty';

/** Resolves reveal's unused controllers to the stand-in, and fitty to a function that does nothing. */
export function trimRevealJs(): Plugin {
  return {
    name: 'speech-deck-trim-reveal-js',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (!importer || !/[\\/]reveal\.js[\\/]js[\\/]/.test(importer)) return undefined;
      if (id === 'fitty') return NO_FITTY;
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      return resolved && UNUSED.test(resolved.id.replace(/\?.*$/, '')) ? STUB : undefined;
    },
    load: (id) => (id === NO_FITTY ? 'export default () => [];' : undefined),
  };
}
