/**
 * The virtual module `virtual:speech-deck/fonts.css`: @font-face rules with each face subset to the characters the
 * speech draws with it. In the dev server the faces are made once at start, in the background; a save that brings
 * new characters gets a small face for just those, which the page plugin sends along with the slides that use them
 * (`LiveFonts`), and the module then serves the first faces and every added one to a page that loads afresh.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { distinctCharacters, type FaceRole, faceText } from '../../../core/charset.ts';
import type { LiveFace } from '../../../core/live.ts';
import type { Deck } from '../../../core/model.ts';
import { DEFAULT_FONT_CACHE, type EmbeddedFont, embedFaces, embedFonts, embedTitleFonts, FACES, fontFaceCss, missingFontWarnings } from '../../fonts/embed.ts';
import { LiveSpeech, type SpeechSource } from '../../speech/live.ts';

export interface FontsOptions {
  /** Where font subsets are kept between builds; defaults to node_modules/.cache/speech-deck/fonts. */
  fontCacheDir?: string | undefined;
  /** Called with a line of progress on slow steps (font subsetting). */
  progress?: ((message: string) => void) | undefined;
}

/** The module the browser entry imports to get the embedded, subset fonts (in the dev server). */
export const FONTS_MODULE = 'virtual:speech-deck/fonts.css';

/** Where the built page has its fonts: first in the head, before the page's script and styles (index.html). */
const FONTS_PLACE = '<!--speech-deck:fonts-->';

const RESOLVED_FONTS = `\0${FONTS_MODULE}`;
const PLUGIN_NAME = 'speech-deck:fonts';

/** What the fonts plugin offers the page plugin in the dev server. */
export interface LiveFonts {
  /** Every face added for new characters so far, after making one for `deck`'s characters no face has yet. Never fails. */
  facesFor(deck: Deck): Promise<LiveFace[]>;
}

/** The fonts plugin's `LiveFonts` in a running dev server, if it has one. */
export function liveFontsOf(server: ViteDevServer): LiveFonts | undefined {
  return (server.config.plugins.find((p) => p.name === PLUGIN_NAME)?.api as { live?: LiveFonts } | undefined)?.live;
}

/** Each face's characters in a deck. */
function characters(deck: Deck): Record<FaceRole, string[]> {
  const text = faceText(deck);
  return { heading: distinctCharacters(text.heading), body: distinctCharacters(text.body), strong: distinctCharacters(text.strong) };
}

/** A face's rule limited to its characters, so that the page asks it for those alone. */
function addedFaceCss(font: EmbeddedFont): string {
  const ranges = font.characters.map((c) => `U+${c.codePointAt(0)!.toString(16)}`).join(',');
  return fontFaceCss([font]).replace(/}$/, `;unicode-range:${ranges}}`);
}

export function deckFonts(source: SpeechSource, options: FontsOptions = {}): Plugin {
  let cacheDir = resolve(options.fontCacheDir ?? DEFAULT_FONT_CACHE);
  let warn = (message: string) => console.warn(message);
  /** In the dev server: the first faces, made at start, and the characters every face made so far draws. */
  let first: Promise<string> | undefined;
  const drawn: Record<FaceRole, Set<string>> = { heading: new Set(), body: new Set(), strong: new Set() };
  const added: LiveFace[] = [];
  /** New faces are made one at a time, each for what the faces before it lack. */
  let making: Promise<unknown> = Promise.resolve();

  const embed = async (deck: Deck) => {
    const embedded = await embedFonts(faceText(deck), cacheDir, options.progress);
    for (const line of missingFontWarnings(embedded, basename(source.path))) warn(line);
    return embedded;
  };

  const live: LiveFonts = {
    facesFor(deck) {
      const made = making.then(async () => {
        await first;
        const wanted = characters(deck);
        const fresh = Object.fromEntries(Object.entries(wanted).map(([role, chars]) => [role, chars.filter((c) => !drawn[role as FaceRole].has(c))]));
        const text = fresh as Record<FaceRole, string[]>;
        if (!text.heading.length && !text.body.length && !text.strong.length) return added;
        const embedded = await embedFaces(FACES, { heading: text.heading.join(''), body: text.body.join(''), strong: text.strong.join('') }, cacheDir);
        for (const role of Object.keys(text) as FaceRole[]) for (const c of text[role]) drawn[role].add(c);
        for (const font of embedded.fonts) {
          added.push({ id: added.length + 1, css: addedFaceCss(font), family: font.family, weight: font.weight, text: font.characters.join('') });
        }
        return added;
      });
      making = made.catch(() => undefined);
      // A face that could not be made leaves its characters to the next save; the slides go out all the same.
      return made.then(
        (faces) => [...faces],
        () => [...added],
      );
    },
  };

  /** In a build, the faces are in the page's head (`FONTS_PLACE`), not in the bundled style sheet. */
  let building = false;
  let built: Promise<string> | undefined;

  return {
    name: PLUGIN_NAME,
    api: { live },
    configResolved(config) {
      cacheDir = resolve(config.root, options.fontCacheDir ?? DEFAULT_FONT_CACHE);
      warn = (message) => config.logger.warn(message);
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === FONTS_MODULE ? RESOLVED_FONTS : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_FONTS) return undefined;
      if (building) return '';
      if (first) return (await first) + added.map((face) => face.css).join('');
      return fontFaceCss((await embed(source.current().deck)).fonts);
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        // The first slide is painted once its faces are ready: they come first, and index.html's first script
        // starts loading them at once (the title slide's own faces alone, when the page opens on it).
        const deck = source.current().deck;
        // One after the other: the subsetter's WebAssembly is not to be used by two at once.
        built ??= embed(deck).then(async (embedded) => fontFaceCss([...embedded.fonts, ...(await embedTitleFonts(deck, cacheDir, options.progress))]));
        const fonts = building ? `<style>${await built}</style>` : '';
        return html.replace(FONTS_PLACE, () => fonts);
      },
    },
    configureServer(server) {
      if (!(source instanceof LiveSpeech)) return;
      // Made now, in the background, so that neither the first page nor the first save waits for them.
      const deck = source.current().deck;
      for (const [role, chars] of Object.entries(characters(deck))) for (const c of chars) drawn[role as FaceRole].add(c);
      first = embed(deck).then((embedded) => fontFaceCss(embedded.fonts));
      // A face for new characters is made with a subsetter that is loaded and compiled by the time they come.
      void first.then(warmSubsetter, () => undefined);
      // A face added since a page loaded the module is in it when the page loads again.
      source.onUpdate(() => {
        void live.facesFor(source.current().deck).then(() => {
          const fonts = server.moduleGraph.getModuleById(RESOLVED_FONTS);
          if (fonts) server.moduleGraph.invalidateModule(fonts);
        });
      });
    },
  };
}

/** Makes one throwaway face of one character, which loads and compiles the subsetter's code once. */
async function warmSubsetter(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-warm-'));
  try {
    await embedFaces([FACES[1]!], { heading: '', body: '永', strong: '' }, dir);
  } catch {
    // Only time is lost: the first new character loads it instead.
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
