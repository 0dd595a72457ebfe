/**
 * The deck page: `index.html` filled with the rendered speech and stamped with what it was built from. In the dev
 * server it also follows the speech file: a good save sends the new slides to the open deck, a save with errors
 * or a missing file keeps the deck and tells the page (and the terminal) what is wrong.
 */
import type { Plugin, ViteDevServer } from 'vite';
import { HELLO_EVENT, STATUS_EVENT, UPDATE_EVENT, type LiveStatus, type LiveUpdate } from '../../../core/live.ts';
import { say } from '../../../core/say.ts';
import { fillTemplate, render } from '../../../render/html.ts';
import { SPEECH } from '../../messages.ts';
import { embedPictures } from '../../speech/images.ts';
import type { LoadedSpeech } from '../../speech/load.ts';
import { LiveSpeech, type SpeechSource } from '../../speech/live.ts';
import { stampFor, stampTags } from '../../speech/stamp.ts';
import { watchSpeechFile } from '../watch.ts';

export interface PageOptions {
  /** Called with every version of the speech read, so the caller can print its problems. */
  report?: ((loaded: LoadedSpeech) => void) | undefined;
}

/** How long after an update the speech is read again, in case the watcher missed a quick second save. */
const RECHECK_MS = 250;

export function deckPage(source: SpeechSource, options: PageOptions = {}): Plugin {
  let shownMeta = '';
  return {
    name: 'speech-deck:page',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const loaded = source.current();
        const { deck } = loaded;
        await embedPictures(deck, loaded.path);
        shownMeta = JSON.stringify(deck.meta);
        const tags = stampTags(stampFor(loaded)).map((attrs) => ({ tag: 'meta', attrs, injectTo: 'head' as const }));
        return { html: fillTemplate(html, render(deck)), tags };
      },
    },
    configureServer(server) {
      if (source instanceof LiveSpeech) follow(server, source);
    },
  };

  function follow(server: ViteDevServer, live: LiveSpeech): void {
    const logger = server.config.logger;
    let recheck: NodeJS.Timeout | undefined;
    // A page that opens (or reloads) learns what is wrong now; later changes are sent to every page.
    server.ws.on(HELLO_EVENT, (_data: unknown, client) => client.send(STATUS_EVENT, live.status() satisfies LiveStatus));

    const refresh = () => {
      const reading = live.read();
      clearTimeout(recheck);
      // The watcher can miss a save that follows the last within a few tens of milliseconds: look again.
      recheck = setTimeout(() => {
        if (live.differsFromLastRead()) refresh();
      }, RECHECK_MS);
      if (reading.kind === 'unchanged') return;
      if (reading.kind === 'missing') {
        logger.warn(say(SPEECH.missing, { file: live.status().file }), { timestamp: true });
      } else {
        options.report?.(reading.loaded);
        if (reading.kind === 'good') sendDeck(reading.loaded);
      }
      server.ws.send(STATUS_EVENT, live.status() satisfies LiveStatus);
    };

    const sendDeck = (loaded: LoadedSpeech) => {
      const meta = JSON.stringify(loaded.deck.meta);
      // Title, theme and the like live outside the slides, so they need the whole page again.
      if (meta !== shownMeta) {
        shownMeta = meta;
        server.ws.send({ type: 'full-reload' });
        return;
      }
      // Pictures are embedded before the slides go out; re-encodings are cached, so only a new picture takes time.
      void embedPictures(loaded.deck, loaded.path).then(() => server.ws.send(UPDATE_EVENT, { slides: render(loaded.deck).slides } satisfies LiveUpdate));
    };

    const stop = watchSpeechFile(live.path, refresh);
    server.httpServer?.once('close', () => {
      stop();
      clearTimeout(recheck);
    });
  }
}
