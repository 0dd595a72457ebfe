import { SPEAKER_NAMES } from '../../core/labels.ts';
import { el } from './dom.ts';

/** The spoken text is never set smaller than this unless the speaker asks: it is read at arm's length. */
export const MIN_TEXT_PX = 40;
/** Short texts grow no larger than this, so a line still holds a phrase. */
export const MAX_TEXT_PX = 80;
/** What `+` and `-` add or take away, and the range they stay in. */
export const TEXT_STEP_PX = 4;
const CHOSEN_RANGE = [24, 140] as const;
const STORE_KEY = 'speech-deck:speaker-text-px';

/** The text size the speaker chose with `+`/`-` in an earlier session, or null to fit the text. */
function readChosen(): number | null {
  try {
    const value = Number(localStorage.getItem(STORE_KEY));
    return value >= CHOSEN_RANGE[0] && value <= CHOSEN_RANGE[1] ? value : null;
  } catch {
    // Storage can be off (privacy settings, some file:// setups): the choice then lasts this session only.
    return null;
  }
}

function saveChosen(px: number | null): void {
  try {
    if (px === null) localStorage.removeItem(STORE_KEY);
    else localStorage.setItem(STORE_KEY, String(px));
  } catch {
    // As above: not remembered, still applied.
  }
}

/** The current slide's spoken text, as the speaker view's window shows it. */
export interface NotesPanel {
  /** The panel, which scrolls. */
  box: HTMLElement;
  /** The text inside it. */
  text: HTMLElement;
  /** Shows a slide's notes (copied, so the deck keeps its own) from the top, or a line saying it has none. */
  show(notes: Element | null, emptyText: string): void;
  /** Sets the text size: the chosen one, else the largest from 40 to 80 px at which the whole text shows. */
  fit(): void;
  /** `+`/`-`: from the size shown now, by a step; remembered. */
  change(steps: number): void;
  /** `0`: back to fitting the text; remembered. */
  autoSize(): void;
  /** The size the text is set in now, in px. */
  size(): number;
  /** Whether the size follows the text (true) or the speaker's choice. */
  fitted(): boolean;
  /** Scrolls by lines of text, within the text; returns where it stands. */
  scrollLines(lines: number): number;
  /** The page shown (from 0) and how many pages the text takes at its size: one when it fits. */
  page(): { index: number; count: number };
  /** Turns to the next page; false on the last one. */
  nextPage(): boolean;
  /** Turns back a page (or to the top of this one, after scrolling into it); false at the top of the first. */
  previousPage(): boolean;
  /** Shows the last page: the text's end. */
  lastPage(): void;
}

/** Lines of the last page that a page turn keeps at the top of the next, so the eye finds its place. */
export const KEPT_LINES = 2;

/** The text's lines, each as the px from the top of the panel's scrolled content to its top: a paragraph's lines are equal. */
function lineTops(text: HTMLElement): { tops: number[]; height: number } {
  const height = parseFloat(text.ownerDocument.defaultView!.getComputedStyle(text).lineHeight);
  const tops: number[] = [];
  for (const p of text.children as HTMLCollectionOf<HTMLElement>)
    for (let k = 0; k < Math.round(p.offsetHeight / height); k++) tops.push(p.offsetTop + k * height);
  return { tops, height };
}

/**
 * Where each page of a text too long for its panel starts (a scroll position): each page begins with the last
 * `KEPT_LINES` lines the one before showed whole, at least one line further on. The panel may need room below the
 * text for its last page to start there.
 */
export function pageStarts(tops: readonly number[], line: number, height: number, padTop: number): number[] {
  const starts = [0];
  while (starts.length <= tops.length) {
    const start = starts.at(-1)!;
    // The first line below the page: the page ends with the two before it.
    const below = tops.findIndex((top) => top + line > start + height + 1);
    if (below < 0) return starts;
    const first = tops.findIndex((top) => top >= start - 1);
    starts.push(Math.max(start + 1, tops[Math.max(below - KEPT_LINES, first + 1)]! - padTop));
  }
  return starts;
}

/**
 * The spoken text: as large as fits the panel (from 40 to 80 px), or the size the speaker chose with
 * `+`/`-`, remembered between sessions. Text that does not fit at 40 px is shown a page at a time, turned by the
 * clicker's keys, and scrolls too, with ↑/↓, the wheel or the teleprompter.
 */
export function notesPanel(doc: Document): NotesPanel {
  const text = el(doc, 'div', { class: 'sv-text', lang: 'zh-CN' });
  const box = el(doc, 'div', { class: 'sv-notes', role: 'region', 'aria-label': SPEAKER_NAMES.notes }, text);
  let starts = [0];
  let textEnd = 0;
  let chosen = readChosen();
  let px = MIN_TEXT_PX;
  const apply = (size: number) => {
    px = size;
    text.style.fontSize = `${size}px`;
  };
  const fits = () => box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth;
  /** Marks a panel with text below its bottom edge, which the view fades there as a cue to scroll. */
  const markMore = () => {
    box.dataset.more = String(box.scrollTop + box.clientHeight < textEnd - 1);
  };
  box.addEventListener('scroll', markMore, { passive: true });
  /** The pages of the text as laid out now, and the room below it that the last one needs. */
  const paginate = () => {
    const style = doc.defaultView!.getComputedStyle(box);
    const { tops, height } = lineTops(text);
    starts = fits() ? [0] : pageStarts(tops, height, box.clientHeight, parseFloat(style.paddingTop));
    textEnd = box.scrollHeight;
    // Room below the text (the panel's own padding), so that its last page can start where a page turn puts it.
    const room = Math.ceil(starts.at(-1)! + box.clientHeight - textEnd);
    if (room > 0) box.style.paddingBottom = `${(parseFloat(style.paddingBottom) || 0) + room}px`;
  };
  const fit = () => {
    const top = box.scrollTop;
    box.style.removeProperty('padding-bottom');
    sizeTo();
    paginate();
    box.scrollTop = top;
    markMore();
  };
  const page = () => {
    let index = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= box.scrollTop + 1) index = i;
    return index;
  };
  const turnTo = (top: number) => {
    box.scrollTop = top;
    markMore();
  };
  const sizeTo = () => {
    if (chosen !== null) return apply(chosen);
    let [low, high] = [MIN_TEXT_PX, MAX_TEXT_PX];
    apply(high);
    if (fits()) return;
    // The largest size that fits, to the pixel, in a few layouts.
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      apply(mid);
      if (fits()) low = mid;
      else high = mid;
    }
    apply(low);
  };
  const choose = (size: number | null) => {
    chosen = size;
    saveChosen(size);
    fit();
  };
  return {
    box,
    text,
    show(notes, emptyText) {
      const paragraphs = notes ? [...notes.children].map((p) => doc.importNode(p, true)) : [];
      text.replaceChildren(...(paragraphs.length ? paragraphs : [el(doc, 'p', { class: 'sv-empty' }, emptyText)]));
      box.scrollTop = 0;
      fit();
    },
    page: () => ({ index: page(), count: starts.length }),
    nextPage() {
      const index = page();
      if (index >= starts.length - 1) return false;
      turnTo(starts[index + 1]!);
      return true;
    },
    previousPage() {
      const index = page();
      if (box.scrollTop > starts[index]! + 1) turnTo(starts[index]!);
      else if (index > 0) turnTo(starts[index - 1]!);
      else return false;
      return true;
    },
    lastPage: () => turnTo(starts.at(-1)!),
    fit,
    change: (steps) => choose(Math.min(CHOSEN_RANGE[1], Math.max(CHOSEN_RANGE[0], px + steps * TEXT_STEP_PX))),
    autoSize: () => choose(null),
    size: () => px,
    fitted: () => chosen === null,
    scrollLines(lines) {
      const line = parseFloat(doc.defaultView!.getComputedStyle(text).lineHeight) || px * 1.6;
      box.scrollTop = Math.min(box.scrollHeight - box.clientHeight, Math.max(0, box.scrollTop + lines * line));
      return box.scrollTop;
    },
  };
}
