import type { RevealPlugin } from 'reveal.js';
import { say } from '../core/say.ts';
import { balance, PAUSE_MARKS } from '../core/wrap.ts';
import { FIT } from './messages.ts';

/** Smallest text scale: 28 px key phrases at the 1920×1080 slide size. */
const MIN_FIT = 0.5;
const STEP = 0.05;
/** What a line may lack of its box's width: rounding in the browser's own line breaking. */
const SLACK_PX = 2;

/** The text set in balanced lines: headings, running heads, key phrases and agenda entries. */
const BALANCED = ':scope > .frame :is(h1, h2, .running-head, ul.points > li, .agenda-title)';

/** Every slide with content, in document (speech) order. */
export function contentSlides(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.reveal .slides section')].filter((s) => s.querySelector(':scope > .frame'));
}

/**
 * Lays exactly these slides out at full size, out of sight, while reveal hides them or their column; what
 * is shown stays as it is, and every other slide is left to reveal.
 */
function measuring(slides: HTMLElement[]): void {
  const on = new Set<Element>();
  for (const slide of slides) {
    on.add(slide);
    const column = slide.parentElement?.closest('section');
    if (column) on.add(column);
  }
  for (const section of document.querySelectorAll('.reveal .slides section')) {
    section.classList.toggle('measuring', on.has(section) && !section.classList.contains('present'));
  }
}

const frameOf = (slide: HTMLElement) => slide.querySelector<HTMLElement>(':scope > .frame')!;
const px = (value: string) => parseFloat(value) || 0;

/**
 * Whether anything on a slide lies outside its box: the frame's content (inside its padding) for every
 * element, and each element's own box for what it holds (a line of text wider than its heading, a list
 * longer than its space). Measured in the slide's own pixels, whatever reveal's scale.
 */
export function overflows(slide: HTMLElement): boolean {
  const frame = frameOf(slide);
  if (frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1) return true;
  const outer = frame.getBoundingClientRect();
  const scale = outer.width / frame.offsetWidth || 1;
  const style = getComputedStyle(frame);
  const box = {
    left: outer.left + (px(style.borderLeftWidth) + px(style.paddingLeft)) * scale - scale,
    right: outer.right - (px(style.borderRightWidth) + px(style.paddingRight)) * scale + scale,
    top: outer.top + (px(style.borderTopWidth) + px(style.paddingTop)) * scale - scale,
    bottom: outer.bottom - (px(style.borderBottomWidth) + px(style.paddingBottom)) * scale + scale,
  };
  for (const el of frame.querySelectorAll<HTMLElement>(':not(wbr, br)')) {
    if (el.clientWidth && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) return true;
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom) return true;
  }
  return false;
}

/** Where the lines of one element should break: at these <wbr>s, each followed by a <br>. */
interface LinePlan {
  breaks: Element[];
}

/**
 * Sets headings and key phrases in balanced lines, broken only at the <wbr>s the renderer put between
 * words. Each is measured as laid out (the width its lines have) and then on one line (where each <wbr>
 * falls); the fewest lines that fit are chosen with the pieces as even as possible (core/wrap.ts), and a
 * <br> ends each line. All the elements are measured together and changed together, so the page is laid
 * out a few times, not a few times each.
 */
export function balanceLines(elements: HTMLElement[]): void {
  for (const element of elements) for (const br of element.querySelectorAll('br.fit-break')) br.remove();
  const rooms = elements.map(room);
  // Only those that take more than one line are measured again; a title on one line costs no second layout.
  const wrapping = elements.filter((_, i) => rooms[i] !== undefined);
  // One line each (Chrome breaks at <wbr> even under `white-space: nowrap`, but not in a box wide enough).
  for (const element of wrapping) element.classList.add('fit-measure');
  const plans = elements.map((element, i) => (rooms[i] === undefined ? undefined : planLines(element, rooms[i])));
  for (const element of wrapping) element.classList.remove('fit-measure');
  for (const plan of plans) {
    for (const wbr of plan?.breaks ?? []) {
      const br = document.createElement('br');
      br.className = 'fit-break';
      wbr.after(br);
    }
  }
}

/**
 * The width an element's lines may take: its content box as laid out, less a little for rounding; or
 * nothing when its text takes one line anyway (a centred title's box is then only as wide as the text).
 */
function room(element: HTMLElement): number | undefined {
  const style = getComputedStyle(element);
  const height = element.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
  if (height < px(style.lineHeight) * 1.5) return undefined;
  return element.clientWidth - px(style.paddingLeft) - px(style.paddingRight) - SLACK_PX;
}

function planLines(element: HTMLElement, room: number): LinePlan | undefined {
  const marks = [...element.querySelectorAll('wbr')];
  if (!marks.length || !element.offsetWidth) return undefined;
  const scale = element.getBoundingClientRect().width / element.offsetWidth || 1;
  // The width of each piece between two <wbr>s, each measured on its own so that long text costs no more than its length.
  const range = document.createRange();
  const pauses: boolean[] = [];
  const widths = [...marks, null].map((wbr, i) => {
    range.selectNodeContents(element);
    if (i > 0) range.setStartAfter(marks[i - 1]!);
    if (wbr) range.setEndBefore(wbr);
    pauses.push(PAUSE_MARKS.includes(range.toString().trim().slice(-1)));
    return range.getBoundingClientRect().width / scale;
  });
  // A line may be up to two characters longer or shorter than even to end at a pause mark.
  const starts = balance(widths, room, { pauses, tolerance: 2 * px(getComputedStyle(element).fontSize) });
  return starts?.length ? { breaks: starts.map((i) => marks[i - 1]!) } : undefined;
}

const balanced = (slide: HTMLElement) => [...slide.querySelectorAll<HTMLElement>(BALANCED)];

/** The text scales tried, largest first: 1, 0.95, …, 0.5 (28 px key phrases). */
const SCALES = Array.from({ length: Math.round((1 - MIN_FIT) / STEP) + 1 }, (_, i) => Math.round((1 - i * STEP) * 100) / 100);

/** Sets slides' text scale and balances their lines afresh at it; true for each slide that then fits. */
function tryScale(slides: HTMLElement[], scaleOf: (slide: HTMLElement) => number): boolean[] {
  for (const slide of slides) slide.style.setProperty('--fit', String(scaleOf(slide)));
  balanceLines(slides.flatMap(balanced));
  return slides.map((slide) => !overflows(slide));
}

/**
 * Shrinks the text of slides that overflow at full size to the largest scale at which everything lies in
 * its box, never below 28 px. All of them are searched together, halving the range of scales each round,
 * so the page is laid out a few times in all rather than once a step a slide. Returns those that do not
 * fit even at the smallest scale, left at it.
 */
function shrink(slides: HTMLElement[]): HTMLElement[] {
  const smallest = SCALES.length - 1;
  const fitsAtSmallest = tryScale(slides, () => SCALES[smallest]!);
  const crowded = slides.filter((_, i) => !fitsAtSmallest[i]);
  // Each slide overflows at `low` and fits at `high` (indices into SCALES).
  const search = slides.filter((_, i) => fitsAtSmallest[i]).map((slide) => ({ slide, low: 0, high: smallest }));
  for (let open = search.filter((s) => s.high - s.low > 1); open.length; open = search.filter((s) => s.high - s.low > 1)) {
    const middle = new Map(open.map((s) => [s.slide, Math.floor((s.low + s.high) / 2)]));
    const fits = tryScale(
      open.map((s) => s.slide),
      (slide) => SCALES[middle.get(slide)!]!,
    );
    open.forEach((s, i) => (fits[i] ? (s.high = middle.get(s.slide)!) : (s.low = middle.get(s.slide)!)));
  }
  if (search.length)
    tryScale(
      search.map((s) => s.slide),
      (slide) => SCALES[search.find((s) => s.slide === slide)!.high]!,
    );
  return crowded;
}

/**
 * Fits slides: sets their headings and key phrases in balanced lines, and shrinks the text of each slide
 * on which anything would lie outside its box, never below 28 px. The embedded fonts are loaded first and
 * all slides measured together, so that the page is laid out a few times rather than a few times a slide.
 * Marks the slides that do not fit even at 28 px with `data-overflow`, and returns them.
 */
export async function fitSlides(slides: HTMLElement[]): Promise<HTMLElement[]> {
  // Fonts first: slides laid out before they load would be laid out twice.
  await fontsLoaded();
  return fitLoaded(slides);
}

/**
 * Every embedded face loaded. Faces already loaded give promises already settled, so that code awaiting this goes
 * on in the same task, before the browser can paint a frame.
 */
export function fontsLoaded(): Promise<unknown> {
  return Promise.all([...document.fonts].map((face) => face.load().catch(() => face)));
}

/** `fitSlides` once the fonts are loaded: at once, without giving the browser a frame in between. */
export function fitLoaded(slides: HTMLElement[]): HTMLElement[] {
  const started = performance.now();
  measuring(slides);
  for (const slide of slides) {
    slide.style.setProperty('--fit', '1');
    delete slide.dataset.overflow;
  }
  balanceLines(slides.flatMap(balanced));
  const overflowing = slides.filter(overflows);
  // Only the slides still being fitted need laying out from here on.
  measuring(overflowing);
  const crowded = shrink(overflowing);
  measuring([]);
  // How long fitting took, for benchmarks and tests (performance.getEntriesByName('speech-deck:fit')).
  performance.measure('speech-deck:fit', { start: started });
  for (const slide of crowded) {
    slide.dataset.overflow = '';
    console.warn(`speech-deck: ${say(FIT.tooMuch, { line: slide.dataset.line ?? '?' })}`);
  }
  return crowded;
}

/**
 * Fitting as a reveal plugin. reveal runs a plugin's `init` and waits for it before it lays the deck out: the
 * slide the deck opens on is fitted then, with its fonts loaded, so it is never shown unfitted; the others are
 * fitted just after it is on screen, all together, and `<html data-fitted>` says when. The print view waits for
 * every slide before it lays out its pages.
 */
export function Fit(): RevealPlugin {
  return {
    id: 'fit',
    async init(deck) {
      const slides = contentSlides();
      const done = () => document.documentElement.setAttribute('data-fitted', '');
      if (/print-pdf/i.test(location.search)) {
        await fitSlides(slides);
        return done();
      }
      const first = openingSlide(slides);
      // Fitted already when it was put on screen before reveal started (opening.ts).
      await fitSlides(first && !first.style.getPropertyValue('--fit') ? [first] : []);
      // A title slide fitted when the page was built is measured with the rest: the same fit, now from the browser.
      const rest = slides.filter((slide) => slide !== first || slide.hasAttribute('data-prefit'));
      // Two frames on, so that the opening slide has been painted before the others are measured.
      const later = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(then)));
      deck.on('ready', () => later(() => void fitSlides(rest).then(done)));
    },
  };
}

/**
 * The slide reveal will open on: the one the address names (reveal writes `#/<slide id>`, and every slide of the
 * deck has an id), else the first. An address by numbers gives the first; the rest are fitted a moment later.
 */
export function openingSlide(slides: HTMLElement[]): HTMLElement | undefined {
  const named = document.getElementById(decodeURIComponent(location.hash.slice(2)));
  return slides.find((slide) => slide === named) ?? slides[0];
}
