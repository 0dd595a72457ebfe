import { el } from './dom.ts';

/** Classes reveal gives a slide for where it stands; a preview shows the slide itself, standing nowhere. */
const PLACE_CLASSES = ['present', 'past', 'future'];

/**
 * Shows a copy of a slide in a preview screen of the speaker view. The slide's own DOM is copied (its
 * notes left out) into a box the size of the deck's slide, set in the deck's own styles, which the view
 * carries; the box is scaled down to the screen. No second copy of the deck or of reveal is loaded.
 */
export function showSlide(screen: HTMLElement, slide: HTMLElement | undefined, theme: string, size: SlideSize, emptyText: string): void {
  const doc = screen.ownerDocument;
  if (!slide) {
    screen.replaceChildren(el(doc, 'p', { class: 'sv-end' }, emptyText));
    return;
  }
  const copy = doc.importNode(slide, true);
  copy.querySelector('aside.notes')?.remove();
  for (const name of ['id', 'hidden', 'aria-hidden', 'data-previous-indexv', 'data-index-h', 'data-index-v']) copy.removeAttribute(name);
  copy.classList.remove(...PLACE_CLASSES);
  copy.style.removeProperty('display');
  const stage = el(doc, 'div', { class: 'reveal sv-stage', 'data-theme': theme, inert: '' }, copy);
  stage.style.width = `${size.width}px`;
  stage.style.height = `${size.height}px`;
  screen.replaceChildren(stage);
  scaleScreen(screen, size);
}

export interface SlideSize {
  width: number;
  height: number;
}

/** Sizes a preview screen to a slide-shaped box at most `room` large, and scales its slide to it. */
export function fitScreen(screen: HTMLElement, room: SlideSize, size: SlideSize): void {
  const width = Math.max(0, Math.floor(Math.min(room.width, (room.height * size.width) / size.height)));
  screen.style.width = `${width}px`;
  screen.style.height = `${Math.floor((width * size.height) / size.width)}px`;
  scaleScreen(screen, size);
}

function scaleScreen(screen: HTMLElement, size: SlideSize): void {
  const stage = screen.querySelector<HTMLElement>('.sv-stage');
  const width = parseFloat(screen.style.width);
  if (stage && width) stage.style.transform = `scale(${width / size.width})`;
}
