import type { RevealApi, RevealPlugin } from 'reveal.js';
import { SPEAKER_TEXT as T } from '../../core/labels.ts';
import { addDeckMenu } from './menu.ts';
import { canUseScreens, projectDeck, type Placement } from './screens.ts';
import type { TimeSource } from './timer.ts';
import { openSpeakerWindow, PROJECT_MESSAGES, type SpeakerWindow } from './window.ts';

/** S opens the speaker view, as in reveal. */
const SPEAKER_KEY = { keyCode: 83, key: 'S', description: `${T.view}` };

/**
 * Our speaker view, as a reveal plugin: S (or the page's menu) opens it in a window of its own, built
 * from the deck's page without loading the deck again. The clocks keep running when the view is closed
 * and opened again; only its restart button sets them back.
 */
export function SpeakerView(): RevealPlugin {
  return { id: 'speaker-view', init };
}

function init(deck: RevealApi): void {
  let view: SpeakerWindow | null = null;
  let startedAt: number | undefined;
  const source: TimeSource = {
    // The deck window's clock: tests can fake it, and it is the same for every part of the view.
    now: () => Date.now(),
    startedAt: () => (startedAt ??= Date.now()),
    restart: () => void (startedAt = Date.now()),
    timings: () => deck.getSlides().map((slide) => Number(slide.dataset.timing) || 0),
    current: () => Math.max(0, deck.getSlides().indexOf(deck.getCurrentSlide())),
  };

  const open = (place?: Placement): SpeakerWindow | null => {
    if (view && !view.closed()) {
      if (place) view.place(place);
      view.focus();
      return view;
    }
    view = openSpeakerWindow(deck, source, place);
    if (!view) menu.say(T.blocked);
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
  // Slides replaced in place (`npm start` after a save) are shown at once.
  const slides = deck.getSlidesElement();
  if (slides) new MutationObserver(() => live()?.update()).observe(slides, { childList: true });
  window.addEventListener('pagehide', () => live()?.detach());
}
