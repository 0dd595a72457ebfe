import type { RevealApi, RevealPlugin } from 'reveal.js';
import { SPEAKER_TEXT as T } from '../../core/labels.ts';
import { REPLACED_EVENT } from '../live.ts';
import { addDeckMenu } from './menu.ts';
import { canUseScreens, type Placement, projectDeck } from './screens.ts';
import type { TimeSource } from './timer.ts';
import { openSpeakerWindow, PROJECT_MESSAGES, type SpeakerWindow } from './window.ts';

/** S opens the speaker view, as in reveal. */
const SPEAKER_KEY = { keyCode: 83, key: 'S', description: `${T.view}` };
/** Kept for this tab while the view is open, so that the deck's page, reloaded, takes the open view over again. */
const OPEN_KEY = 'speech-deck:speaker-open';
/** When the speech started, kept the same way, so that the clocks run on across a reload. */
const STARTED_KEY = 'speech-deck:speaker-started';

const stored = (key: string): string | null => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = (key: string, value: string | null): void => {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage refused: a reload then loses the view, which S opens again.
  }
};

/**
 * Our speaker view, as a reveal plugin: S (or the page's menu) opens it in a window
 * of its own, built from the deck's page without loading the deck again. The clocks keep running when the view is
 * closed and opened again; only its restart button sets them back. A deck page that reloads takes the open view
 * over again.
 */
export function SpeakerView(): RevealPlugin {
  return { id: 'speaker-view', init };
}

function init(deck: RevealApi): void {
  let view: SpeakerWindow | null = null;
  let startedAt: number | undefined = Number(stored(STARTED_KEY)) || undefined;
  const start = (at: number) => {
    startedAt = at;
    store(STARTED_KEY, String(at));
    return at;
  };
  const source: TimeSource = {
    // The deck window's clock: tests can fake it, and it is the same for every part of the view.
    now: () => Date.now(),
    startedAt: () => startedAt ?? start(Date.now()),
    restart: () => void start(Date.now()),
    timings: () => deck.getSlides().map((slide) => Number(slide.dataset.timing) || 0),
    current: () => Math.max(0, deck.getSlides().indexOf(deck.getCurrentSlide())),
  };

  /** Opens the view (or finds it open); `existing` takes over only a view left open, and says nothing otherwise. */
  const open = (place?: Placement, options: { existing?: boolean } = {}): SpeakerWindow | null => {
    if (view && !view.closed()) {
      if (place) view.place(place);
      view.focus();
      return view;
    }
    view = openSpeakerWindow(deck, source, place, options);
    if (view) store(OPEN_KEY, '1');
    else if (!options.existing) menu.say(T.blocked);
    return view;
  };

  /** From the deck's menu: the deck fullscreen on the projector, the view opened on the screen it was on. */
  const project = async (): Promise<void> => {
    const { result, speaker } = await projectDeck(window, window);
    open(speaker)?.say(PROJECT_MESSAGES[result]);
  };

  const menu = addDeckMenu(deck, { openSpeaker: () => void open(), project: canUseScreens(window) ? () => void project() : undefined });
  deck.addKeyBinding(SPEAKER_KEY, () => void open());
  const live = () => (view?.closed() === false ? view : null);
  deck.on('slidechanged', () => live()?.update());
  // Slides replaced in place (`npm start` after a save), once the deck stands on its slide again.
  deck.on(REPLACED_EVENT, () => live()?.update(true));
  window.addEventListener('pagehide', () => {
    store(OPEN_KEY, live() ? '1' : null);
    live()?.detach();
  });
  deck.on('ready', () => {
    // The view this page had open before it reloaded (a save that changed the page, or F5) is taken over.
    if (stored(OPEN_KEY)) open(undefined, { existing: true });
  });
}
