/** Smallest text scale: 28 px key phrases at the 1920×1080 slide size. */
const MIN_FIT = 0.5;
const STEP = 0.05;

function overflows(frame: HTMLElement): boolean {
  return frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1;
}

/** Every slide with content, in document (speech) order. */
export function contentSlides(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.reveal .slides section')].filter((s) => s.querySelector(':scope > .frame'));
}

/** Lays a slide out at full size, out of sight, while reveal hides it or its column; what is shown stays as it is. */
function measurable(slide: HTMLElement, on: boolean): void {
  for (const s of [slide, slide.parentElement?.closest('section')]) {
    if (s && !s.classList.contains('present')) s.classList.toggle('measuring', on);
  }
}

const frameOf = (slide: HTMLElement) => slide.querySelector<HTMLElement>(':scope > .frame')!;

/** Shrinks one slide's text in steps until its content fits its frame, never below 28 px; false if even that does not fit. */
function shrink(slide: HTMLElement): boolean {
  const frame = frameOf(slide);
  let fit = 1;
  while (overflows(frame) && fit > MIN_FIT) {
    fit = Math.round((fit - STEP) * 100) / 100;
    slide.style.setProperty('--fit', String(fit));
  }
  return !overflows(frame);
}

/**
 * Fits slides: each whose content would overflow its frame has its text shrunk, never below 28 px.
 * The embedded fonts are loaded first and all slides measured together, so that the page is laid out
 * once rather than once a slide. Returns the slides that do not fit even at 28 px.
 */
export async function fitSlides(slides: HTMLElement[]): Promise<HTMLElement[]> {
  // Fonts first: slides laid out before they load would be laid out twice.
  await Promise.all([...document.fonts].map((face) => face.load().catch(() => face)));
  for (const slide of slides) {
    measurable(slide, true);
    slide.style.setProperty('--fit', '1');
  }
  const crowded = slides.filter((slide) => overflows(frameOf(slide))).filter((slide) => !shrink(slide));
  for (const slide of slides) measurable(slide, false);
  for (const slide of crowded) {
    console.warn(`speech-deck: the slide from line ${slide.dataset.line} does not fit even at the smallest text size; shorten or split it`);
  }
  return crowded;
}
