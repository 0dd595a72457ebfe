import type { RevealApi } from 'reveal.js';
import { SPEAKER_NAMES as N, SPEAKER_TEXT as T } from '../../core/labels.ts';
import { button, el, setWords } from './dom.ts';
import '../../../assets/speaker-menu.css';

/** How long the menu stays after the mouse last moved: out of the audience's way while presenting. */
const SHOWN_MS = 2500;
/** reveal's fullscreen key, pressed for the menu's button so that it does exactly what the key does. */
const KEY_F = 70;

export interface DeckMenu {
  /** Shows a line under the menu for a while: what went wrong, what to do. */
  say(text: string): void;
}

/**
 * A small menu in the deck's corner for those who reach for the mouse rather than the keys: the speaker
 * view, the projector (where the browser can place windows) and fullscreen. It shows while the mouse
 * moves and hides when it rests.
 */
export function addDeckMenu(deck: RevealApi, actions: { openSpeaker: () => void; project: (() => void) | undefined }): DeckMenu {
  const status = el(document, 'p', { class: 'deck-menu-status', role: 'status' });
  const menu = el(
    document,
    'nav',
    { class: 'deck-menu', 'aria-label': N.menu },
    button(document, {}, `${T.view} S`, actions.openSpeaker),
    actions.project && button(document, {}, T.project, actions.project),
    button(document, {}, `${T.fullscreen} F`, () => deck.triggerKey(KEY_F)),
    status,
  );
  (deck.getRevealElement() ?? document.body).append(menu);
  let timer = 0;
  const show = (ms = SHOWN_MS) => {
    menu.classList.add('shown');
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (!menu.matches(':hover, :focus-within')) menu.classList.remove('shown');
    }, ms);
  };
  document.addEventListener('pointermove', () => show(), { passive: true });
  menu.addEventListener('focusin', () => show());
  return {
    say(text) {
      setWords(status, text);
      show(SHOWN_MS * 4);
    },
  };
}
