/** Smallest text scale: 28 px key phrases at the 1920×1080 slide size. */
const MIN_FIT = 0.5;
const STEP = 0.05;

function overflows(frame: HTMLElement): boolean {
  return frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1;
}

/**
 * Shrinks the text of each slide whose content would overflow its frame, in steps, down to 28 px.
 * Runs before reveal.js starts (or re-renders), when every slide can still be laid out and measured.
 * Returns the slides that do not fit even then.
 */
export function fitSlides(reveal: HTMLElement): HTMLElement[] {
  reveal.classList.add('measuring');
  const crowded: HTMLElement[] = [];
  for (const frame of reveal.querySelectorAll<HTMLElement>('.slides section > .frame')) {
    const slide = frame.parentElement!;
    let fit = 1;
    slide.style.setProperty('--fit', '1');
    while (overflows(frame) && fit > MIN_FIT) {
      fit = Math.round((fit - STEP) * 100) / 100;
      slide.style.setProperty('--fit', String(fit));
    }
    if (overflows(frame)) crowded.push(slide);
  }
  reveal.classList.remove('measuring');
  return crowded;
}

/** Loads every embedded face, so that slides are measured in the fonts they will be shown in. */
export async function fontsLoaded(): Promise<void> {
  await Promise.all([...document.fonts].map((face) => face.load().catch(() => face)));
}

/** Fits every slide and warns, with the source line, about those that still do not fit. */
export async function fitDeck(reveal: HTMLElement): Promise<void> {
  await fontsLoaded();
  for (const slide of fitSlides(reveal)) {
    console.warn(`speech-deck: the slide from line ${slide.dataset.line} does not fit even at the smallest text size; shorten or split it`);
  }
}
