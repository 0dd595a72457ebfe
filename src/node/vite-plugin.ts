import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { distinctCharacters, faceText, type FaceRole } from '../core/charset.ts';
import { withContentSecurityPolicy } from './csp.ts';
import { embedFonts, fontFaceCss } from './fonts.ts';
import { embedPictures } from './images.ts';
import { loadSpeech, type LoadedSpeech } from './load.ts';
import type { Deck } from '../core/model.ts';
import { fillTemplate, render } from '../render/html.ts';

export interface DeckPluginOptions {
  /** Path of the speech in Markdown. */
  input: string;
  /** Called with every fresh load, so the caller can print the speech's problems. */
  report?: (loaded: LoadedSpeech) => void;
  /** Called with a line of progress on slow steps (font subsetting). */
  progress?: (message: string) => void;
  /** Where font subsets are kept between builds; defaults to node_modules/.cache/speech-deck/fonts. */
  fontCacheDir?: string;
}

/** How long after an update the speech is read again, in case the watcher missed a quick second save. */
const RECHECK_MS = 250;

/** The custom HMR event that carries freshly rendered slides to the open deck. */
export const UPDATE_EVENT = 'speech-deck:update';

/** What the font subsets depend on: each face's set of characters, not the order of the text. */
function fontKey(text: Record<FaceRole, string>): string {
  return JSON.stringify(Object.entries(text).map(([role, chars]) => [role, distinctCharacters(chars).join('')]));
}

/** The module the browser entry imports to get the embedded, subset fonts. */
export const FONTS_MODULE = 'virtual:speech-deck/fonts.css';
const RESOLVED_FONTS = `\0${FONTS_MODULE}`;

/** Serves and builds the speech as the deck page; in dev, saving the speech updates the open deck in place. */
export function speechDeck(options: DeckPluginOptions): Plugin {
  const input = resolve(options.input);
  let cacheDir = resolve(options.fontCacheDir ?? 'node_modules/.cache/speech-deck/fonts');
  let lastMeta = '';
  let lastFaces = '';
  let lastText = '';
  let recheck: NodeJS.Timeout | undefined;
  let warn = (message: string) => console.warn(message);

  const load = (): Deck => {
    const loaded = loadSpeech(input);
    lastText = loaded.text;
    options.report?.(loaded);
    return loaded.deck;
  };

  return {
    name: 'speech-deck',
    configResolved(config) {
      cacheDir = resolve(config.root, options.fontCacheDir ?? 'node_modules/.cache/speech-deck/fonts');
      warn = (message) => config.logger.warn(message);
    },
    resolveId(id) {
      return id === FONTS_MODULE ? RESOLVED_FONTS : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_FONTS) return undefined;
      const text = faceText(load());
      lastFaces = fontKey(text);
      const embedded = await embedFonts(text, cacheDir, options.progress);
      for (const [role, chars] of Object.entries(embedded.missing)) {
        const list = chars.map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ');
        warn(`${basename(input)}: no embedded ${role} font has ${list}; on a machine without such a font it shows as a box`);
      }
      return fontFaceCss(embedded.fonts);
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const deck = load();
        await embedPictures(deck, input);
        lastMeta = JSON.stringify(deck.meta);
        return fillTemplate(html, render(deck));
      },
    },
    configureServer(server) {
      server.watcher.add(input);
      server.watcher.on('change', (path) => {
        if (resolve(path) === input) pushUpdate(server);
      });
    },
    writeBundle(output) {
      // The policy is computed from the final, inlined page; the page is named after the speech.
      const dir = output.dir ?? 'dist';
      const built = join(dir, 'index.html');
      const html = withContentSecurityPolicy(readFileSync(built, 'utf8'));
      rmSync(built);
      writeFileSync(join(dir, `${basename(input, extname(input))}.html`), html);
    },
  };

  function pushUpdate(server: ViteDevServer): void {
    let deck: Deck;
    try {
      deck = load();
    } catch (error) {
      server.config.logger.error(error instanceof Error ? error.message : String(error));
      return;
    }
    const meta = JSON.stringify(deck.meta);
    // Title, theme and the like live outside the slides, so they need the whole page again.
    if (meta !== lastMeta) {
      lastMeta = meta;
      server.ws.send({ type: 'full-reload' });
      return;
    }
    // New characters need new font subsets: reloading the fonts module updates its style in place.
    if (fontKey(faceText(deck)) !== lastFaces) {
      const fonts = server.moduleGraph.getModuleById(RESOLVED_FONTS);
      if (fonts) void server.reloadModule(fonts);
    }
    void embedPictures(deck, input).then(() => server.ws.send({ type: 'custom', event: UPDATE_EVENT, data: { slides: render(deck).slides } }));
    // The file watcher can miss a save that follows the last within a few tens of milliseconds: look again.
    clearTimeout(recheck);
    recheck = setTimeout(() => {
      if (readFileText() !== lastText) pushUpdate(server);
    }, RECHECK_MS);
  }

  function readFileText(): string | undefined {
    try {
      return loadSpeech(input).text;
    } catch {
      return undefined;
    }
  }
}
