import { renameSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadSpeech, type LoadedSpeech } from './load.ts';
import { fillTemplate, render } from './render.ts';

export interface DeckPluginOptions {
  /** Path of the speech in Markdown. */
  input: string;
  /** Called with every fresh load, so the caller can print the speech's problems. */
  report?: (loaded: LoadedSpeech) => void;
}

/** The custom HMR event that carries freshly rendered slides to the open deck. */
export const UPDATE_EVENT = 'speech-deck:update';

/** Serves and builds the speech as the deck page; in dev, saving the speech updates the open deck in place. */
export function speechDeck(options: DeckPluginOptions): Plugin {
  const input = resolve(options.input);
  let lastMeta = '';
  const load = () => {
    const loaded = loadSpeech(input);
    options.report?.(loaded);
    return loaded;
  };
  return {
    name: 'speech-deck',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const { deck } = load();
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
      // Vite names the page after its template; the deck is named after the speech instead.
      const dir = output.dir ?? 'dist';
      renameSync(join(dir, 'index.html'), join(dir, `${basename(input, extname(input))}.html`));
    },
  };

  function pushUpdate(server: ViteDevServer): void {
    let deck;
    try {
      deck = load().deck;
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
    server.ws.send({ type: 'custom', event: UPDATE_EVENT, data: { slides: render(deck).slides } });
  }
}
