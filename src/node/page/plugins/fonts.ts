/**
 * The virtual module `virtual:speech-deck/fonts.css`: @font-face rules with each face subset to the characters the
 * speech draws with it. In the dev server, a save that brings new characters reloads the module, which updates
 * its style in the open page.
 */
import { basename, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { distinctCharacters, faceText, type FaceRole } from '../../../core/charset.ts';
import type { Deck } from '../../../core/model.ts';
import { DEFAULT_FONT_CACHE, embedFonts, fontFaceCss, missingFontWarnings } from '../../fonts/embed.ts';
import { LiveSpeech, type SpeechSource } from '../../speech/live.ts';

export interface FontsOptions {
  /** Where font subsets are kept between builds; defaults to node_modules/.cache/speech-deck/fonts. */
  fontCacheDir?: string | undefined;
  /** Called with a line of progress on slow steps (font subsetting). */
  progress?: ((message: string) => void) | undefined;
}

/** The module the browser entry imports to get the embedded, subset fonts. */
export const FONTS_MODULE = 'virtual:speech-deck/fonts.css';
const RESOLVED_FONTS = `\0${FONTS_MODULE}`;

/** What the font subsets depend on: each face's set of characters, not the order of the text. */
function fontKey(deck: Deck): string {
  return JSON.stringify(Object.entries(faceText(deck)).map(([role, chars]) => [role, distinctCharacters(chars).join('')]));
}

export function deckFonts(source: SpeechSource, options: FontsOptions = {}): Plugin {
  let cacheDir = resolve(options.fontCacheDir ?? DEFAULT_FONT_CACHE);
  let warn = (message: string) => console.warn(message);
  let embeddedKey = '';
  return {
    name: 'speech-deck:fonts',
    configResolved(config) {
      cacheDir = resolve(config.root, options.fontCacheDir ?? DEFAULT_FONT_CACHE);
      warn = (message) => config.logger.warn(message);
    },
    resolveId(id) {
      return id === FONTS_MODULE ? RESOLVED_FONTS : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_FONTS) return undefined;
      const { deck } = source.current();
      embeddedKey = fontKey(deck);
      const embedded = await embedFonts(faceText(deck) satisfies Record<FaceRole, string>, cacheDir, options.progress);
      for (const line of missingFontWarnings(embedded, basename(source.path))) warn(line);
      return fontFaceCss(embedded.fonts);
    },
    configureServer(server) {
      if (!(source instanceof LiveSpeech)) return;
      source.onUpdate(({ deck }) => {
        if (fontKey(deck) === embeddedKey) return;
        const fonts = server.moduleGraph.getModuleById(RESOLVED_FONTS);
        if (fonts) void server.reloadModule(fonts);
      });
    },
  };
}
