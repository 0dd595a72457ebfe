/**
 * `npm start` only: the open deck follows the speech file. A good save replaces the slides, the title and the theme
 * in place, with any new characters' faces loaded first, and keeps the slide being shown (by its id; when it is gone,
 * the nearest that remains); a save with errors, or a missing file, leaves the deck as it was and shows what is wrong
 * over it until the next good save. Where the presenter stands outlives a reload of the page too.
 */
import type Reveal from 'reveal.js';
import { HELLO_EVENT, type LiveFace, type LiveStatus, type LiveUpdate, STATUS_EVENT, UPDATE_EVENT } from '../core/live.ts';
import { say } from '../core/say.ts';
import { LIVE } from './messages.ts';
import { nearestSlide } from './nearest-slide.ts';

type RevealApi = typeof Reveal;

const OVERLAY_ID = 'speech-deck-problems';
/** Sent on reveal's element once replaced slides are laid out and the deck stands on its slide again. */
export const REPLACED_EVENT = 'speech-deck:replaced';
/** Where the presenter stands, kept for this tab across reloads. */
const PLACE_KEY = 'speech-deck:live-place';
/** A face that takes longer than this to load (it should take milliseconds) no longer holds the slides back. */
const FONT_WAIT_MS = 1500;

/** The slide the presenter chose, the slides' order when it was last there, and where the last update put the deck. */
interface Place {
  chosen?: string | undefined;
  order: string[];
  landed?: string | undefined;
}

function readPlace(): Place | undefined {
  try {
    const place = JSON.parse(sessionStorage.getItem(PLACE_KEY) ?? 'null') as Place | null;
    return place && Array.isArray(place.order) ? place : undefined;
  } catch {
    return undefined;
  }
}

function keepPlace(place: Place): void {
  try {
    sessionStorage.setItem(PLACE_KEY, JSON.stringify(place));
  } catch {
    // Storage refused: the place is then kept for this page only.
  }
}

/** Starts following the dev server's updates; `refit` fits freshly inserted slides before reveal sees them. */
export function followSaves(hot: NonNullable<ImportMeta['hot']>, deck: RevealApi, refit: () => Promise<unknown>): void {
  // The slide the presenter chose. An update that removes it moves the deck elsewhere, but a later update that
  // brings it back returns to it, so fixing a mistake never loses one's place. Reveal reports the moves an update
  // makes (some of them later, through the address bar); only a move to another slide is the presenter's choice.
  const place: Place = { order: [] };
  const ids = () => deck.getSlides().map((slide) => slide.id);
  const currentId = () => deck.getCurrentSlide()?.id;
  const remember = () => {
    const present = ids();
    if (place.chosen && present.includes(place.chosen)) place.order = present;
    keepPlace(place);
  };
  const go = (id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    const { h, v } = deck.getIndices(target);
    place.landed = id;
    deck.slide(h, v);
  };

  const start = () => {
    // A page reloaded where an update had put it goes back to the presenter's slide, or the nearest left.
    const kept = readPlace();
    const here = currentId();
    const hashed = decodeURIComponent(location.hash.replace(/^#\/?/, '').split('/')[0] ?? '');
    const lost = hashed !== '' && !document.getElementById(hashed);
    if (kept?.chosen && (kept.landed === here || lost)) {
      Object.assign(place, kept);
      const target = document.getElementById(kept.chosen) ? kept.chosen : nearestSlide(kept.chosen, kept.order, ids());
      if (target && target !== here) go(target);
      else place.landed = here;
    } else {
      place.chosen = here;
    }
    remember();
    deck.on('slidechanged', () => {
      const id = currentId();
      if (id === place.landed) return;
      place.chosen = id;
      place.landed = undefined;
      remember();
    });
  };
  if (deck.isReady()) start();
  else deck.on('ready', start);

  /** The faces the page has added, by their number. */
  const added = new Set<number>();
  /** Updates are applied one at a time, and only the newest of those waiting. */
  let waiting: LiveUpdate | undefined;
  let draining = false;
  const apply = async (update: LiveUpdate) => {
    const { h, v } = deck.getIndices();
    if (place.chosen && ids().includes(place.chosen)) place.order = ids();
    await addFaces(update.fonts.filter((face) => !added.has(face.id)));
    for (const face of update.fonts) added.add(face.id);
    document.querySelector('.reveal .slides')!.innerHTML = update.slides;
    document.title = update.title;
    deck.getRevealElement()!.dataset.theme = update.theme;
    await refit();
    deck.sync();
    const present = ids();
    const target =
      (place.chosen && present.includes(place.chosen) ? place.chosen : place.chosen && nearestSlide(place.chosen, place.order, present)) ||
      (deck.getSlide(h, v) ?? deck.getSlides().at(-1))?.id;
    if (target) go(target);
    remember();
    deck.getRevealElement()!.dispatchEvent(new CustomEvent(REPLACED_EVENT));
  };
  const drain = async () => {
    while (waiting) {
      const update = waiting;
      waiting = undefined;
      await apply(update);
    }
    draining = false;
  };
  hot.on(UPDATE_EVENT, (update: LiveUpdate) => {
    waiting = update;
    if (draining) return;
    draining = true;
    void drain();
  });
  hot.on(STATUS_EVENT, showStatus);
  // The status may have been sent before this page was listening, and a reloaded page has missed it.
  hot.send(HELLO_EVENT, {});
}

/**
 * Adds faces made for new characters and waits until they are loaded, so that a new character never shows in
 * another face: the slides that use them go in only then.
 */
async function addFaces(faces: LiveFace[]): Promise<void> {
  if (!faces.length) return;
  for (const face of faces) {
    const style = document.createElement('style');
    style.dataset.speechDeckFace = String(face.id);
    style.textContent = face.css;
    document.head.append(style);
  }
  const loads = faces.map((face) => document.fonts.load(`${face.weight} 16px "${face.family}"`, face.text).catch(() => []));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS))]);
}

/** Shows what is wrong with the speech file over the deck, or removes the notice when all is well. */
export function showStatus(status: LiveStatus): void {
  document.getElementById(OVERLAY_ID)?.remove();
  if (!status.missing && !status.problems.length) return;
  const box = document.createElement('div');
  box.id = OVERLAY_ID;
  box.setAttribute('role', 'alert');
  Object.assign(box.style, {
    position: 'fixed',
    left: '2vw',
    right: '2vw',
    bottom: '2vh',
    maxHeight: '60vh',
    overflow: 'auto',
    zIndex: '1000',
    padding: '16px 20px',
    borderRadius: '8px',
    background: 'rgba(120, 16, 16, 0.94)',
    color: '#fff',
    font: '18px/1.5 system-ui, "Noto Sans SC", sans-serif',
    boxShadow: '0 4px 24px rgba(0, 0, 0, 0.4)',
  } satisfies Partial<CSSStyleDeclaration>);
  const title = document.createElement('strong');
  title.textContent = status.missing ? say(LIVE.missing, { file: status.file }) : say(LIVE.hasErrors);
  box.append(title);
  if (status.problems.length) {
    const list = document.createElement('pre');
    Object.assign(list.style, { margin: '8px 0 0', whiteSpace: 'pre-wrap', font: 'inherit' });
    // Text only: a message may quote the author's words, which must never become markup.
    list.textContent = status.problems.join('\n');
    box.append(list);
  }
  document.body.append(box);
}
