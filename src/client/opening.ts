import { contentSlides, fitLoaded, fontsLoaded, openingSlide } from './fit.ts';

/** Where reveal lays the slides out: their size and the share of the window left around them (main.ts). */
export const STAGE = { width: 1920, height: 1080, margin: 0.04 } as const;

/** How long reveal waits for the opening slide to be reported painted, at most (a slide with nothing the browser counts). */
const PAINT_WAIT_MS = 500;

/** Whether the page showed its title slide by itself, fitted when it was built (index.html, theme.css). */
export function openedAsBuilt(slide: HTMLElement): boolean {
  return document.documentElement.classList.contains('deck-at-title') && slide.hasAttribute('data-prefit') && slide === slide.parentElement?.firstElementChild;
}

/**
 * Puts the slide the deck opens on on screen, fitted in its fonts, before reveal.js starts: placed and scaled as
 * reveal's own layout will place it (the same size, margin and rounding of the scale), so that its first paint does not
 * wait for reveal to set up every slide. A deck opened at its beginning whose title slide was fitted when it was built
 * has it on screen already, by the page's own style, from the first frame. Otherwise, once the fonts are loaded (at
 * once when the page has loaded them while it was read), everything is done in one go: no frame can show the slide
 * before it is fitted. Resolves once the browser reports that frame on screen, so that reveal's start does not compete
 * with painting it. The print view, and a slide inside a column, wait for reveal as before.
 */
export async function showOpeningSlide(): Promise<void> {
  if (/print-pdf/i.test(location.search)) return;
  const wrapper = document.querySelector<HTMLElement>('.reveal');
  const stage = wrapper?.querySelector<HTMLElement>(':scope > .slides');
  const slide = openingSlide(contentSlides());
  if (!wrapper || !stage || !slide || slide.parentElement !== stage) return;
  if (openedAsBuilt(slide)) return painted();
  await fontsLoaded();
  // The page set out as reveal sets a full-page deck out, at the scale the page's first script found for the window
  // (index.html, assets/theme.css `deck-opening`), as it sets out a title slide shown before any code runs.
  document.documentElement.classList.add('reveal-full-page', 'deck-opening');
  // Shown and fitted where it stands, in the same task: the page is laid out once for both.
  slide.classList.add('present');
  fitLoaded([slide]);
  await painted();
}

/** The first frame with content on screen, as the browser reports it; at once in a page that is not being shown. */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) done();
    });
    observer.observe({ type: 'paint', buffered: true });
    const timer = setTimeout(done, PAINT_WAIT_MS);
  });
}
