import { contentSlides, fitSlides, openingSlide } from './fit.ts';

/** Where reveal lays the slides out: their size and the share of the window left around them (main.ts). */
export const STAGE = { width: 1920, height: 1080, margin: 0.04 } as const;

/**
 * Puts the slide the deck opens on on screen, fitted in its fonts, before reveal.js starts: placed and scaled as
 * reveal's own layout will place it (the same size, margin and rounding of the scale), so that its first paint does not
 * wait for reveal to set up every slide. Resolves once a frame has been painted with it. The print view, and a slide
 * inside a column, wait for reveal as before.
 */
export async function showOpeningSlide(): Promise<void> {
  if (/print-pdf/i.test(location.search)) return;
  const wrapper = document.querySelector<HTMLElement>('.reveal');
  const stage = wrapper?.querySelector<HTMLElement>(':scope > .slides');
  const slide = openingSlide(contentSlides());
  if (!wrapper || !stage || !slide || slide.parentElement !== stage) return;
  await fitSlides([slide]);
  // The page set out as reveal sets a full-page deck out, the deck filling the window.
  document.documentElement.classList.add('reveal-full-page');
  document.body.classList.add('reveal-viewport');
  const room = (size: number) => size - size * STAGE.margin;
  const fit = Math.min(room(wrapper.offsetWidth) / STAGE.width, room(wrapper.offsetHeight) / STAGE.height);
  const scale = Math.round(Math.min(2, Math.max(0.2, fit)) * 100) / 100;
  stage.style.width = `${STAGE.width}px`;
  stage.style.height = `${STAGE.height}px`;
  if (scale !== 1) Object.assign(stage.style, { left: '50%', top: '50%', bottom: 'auto', right: 'auto', transform: `translate(-50%, -50%) scale(${scale})` });
  slide.classList.add('present');
  // A frame painted with it, before reveal's start takes the page for a while.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}
