/**
 * The deck page: `index.html` filled with the rendered speech and stamped with what it was built from. In the dev
 * server it also follows the speech file and the pictures it shows: a good save sends the new slides (with the
 * title, the theme and faces for new characters) to the open deck, a save with errors or a missing file keeps the
 * deck and tells the page (and the terminal) what is wrong.
 */
import type { Plugin, ViteDevServer } from 'vite';
import { HELLO_EVENT, type LiveStatus, type LiveUpdate, STATUS_EVENT, UPDATE_EVENT } from '../../../core/live.ts';
import { say } from '../../../core/say.ts';
import { fillTemplate, render } from '../../../render/html.ts';
import { SPEECH } from '../../messages.ts';
import { embedPictures, pictureFiles } from '../../speech/images.ts';
import { LiveSpeech, type SpeechSource } from '../../speech/live.ts';
import type { LoadedSpeech } from '../../speech/load.ts';
import { stampFor, stampTags } from '../../speech/stamp.ts';
import { watchSpeechFile } from '../watch.ts';
import { liveFontsOf } from './fonts.ts';

export interface PageOptions {
  /** Called with every version of the speech read, so the caller can print its problems. */
  report?: ((loaded: LoadedSpeech) => void) | undefined;
}

/** How long after an update the speech is read again, in case the watcher missed a quick second save. */
const RECHECK_MS = 250;
/** How many times the speech is read and rendered at start, for nothing, and how far apart: see `rehearse`. */
const WARM_READS = 6;
const WARM_GAP_MS = 200;

export function deckPage(source: SpeechSource, options: PageOptions = {}): Plugin {
  return {
    name: 'speech-deck:page',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const loaded = source.current();
        const { deck } = loaded;
        await embedPictures(deck, loaded.path);
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
    // The pictures are re-encoded now, in the background, so that neither the first page nor the first save waits;
    // and reading and rendering the speech run a few times, one at a time, so that the first save finds them compiled.
    void embedPictures(live.current().deck, live.path);
    let rehearsals = WARM_READS;
    const rehearse = () => {
      const loaded = live.rehearse();
      if (loaded) render(loaded.deck);
      if (--rehearsals > 0) warming = setTimeout(rehearse, WARM_GAP_MS);
    };
    let warming = setTimeout(rehearse, WARM_GAP_MS);

    const refresh = (force = false) => {
      const reading = live.read({ force });
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
        pictures.follow(pictureFiles(reading.loaded.deck, live.path));
        if (reading.kind === 'good') void sendDeck(reading.loaded);
      }
      server.ws.send(STATUS_EVENT, live.status() satisfies LiveStatus);
    };

    /** The number of the last deck read, so that a slow one never overtakes a newer one. */
    let latest = 0;
    const sendDeck = async (loaded: LoadedSpeech) => {
      const mine = ++latest;
      // New characters' faces and the pictures are made before the slides go out, so that the page shows each
      // new slide whole; pictures and faces are kept, so only a new one takes time.
      const [fonts] = await Promise.all([liveFontsOf(server)?.facesFor(loaded.deck) ?? [], embedPictures(loaded.deck, loaded.path).catch(() => [])]);
      if (mine !== latest) return;
      const rendered = render(loaded.deck);
      server.ws.send(UPDATE_EVENT, { slides: rendered.slides, title: rendered.title, theme: rendered.theme, fonts } satisfies LiveUpdate);
    };

    const stop = watchSpeechFile(live.path, () => refresh());
    // A picture replaced, added or removed changes the deck as a save of the speech does.
    const pictures = watchFiles(() => refresh(true));
    pictures.follow(pictureFiles(live.current().deck, live.path));
    server.httpServer?.once('close', () => {
      clearTimeout(warming);
      stop();
      pictures.stop();
      clearTimeout(recheck);
    });
  }
}

/** Watches a changing set of files, calling `changed` when any of them is written, created, deleted or replaced. */
function watchFiles(changed: () => void): { follow(paths: string[]): void; stop(): void } {
  const watching = new Map<string, () => void>();
  return {
    follow(paths) {
      const wanted = new Set(paths);
      for (const [path, stop] of watching) {
        if (wanted.has(path)) continue;
        stop();
        watching.delete(path);
      }
      for (const path of wanted) if (!watching.has(path)) watching.set(path, watchSpeechFile(path, changed));
    },
    stop() {
      for (const stop of watching.values()) stop();
      watching.clear();
    },
  };
}
