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
}

/**
 * The spoken text: as large as fits the panel (from 40 to 80 px), or the size the speaker chose with
 * `+`/`-`, remembered between sessions. Text that does not fit at 40 px scrolls, with ↑/↓, the wheel or
 * the teleprompter.
 */
export function notesPanel(doc: Document): NotesPanel {
  const text = el(doc, 'div', { class: 'sv-text', lang: 'zh-CN' });
  const box = el(doc, 'div', { class: 'sv-notes', role: 'region', 'aria-label': SPEAKER_NAMES.notes }, text);
  let chosen = readChosen();
  let px = MIN_TEXT_PX;
  const apply = (size: number) => {
    px = size;
    text.style.fontSize = `${size}px`;
  };
  const fits = () => box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth;
  /** Marks a panel with text below its bottom edge, which the view fades there as a cue to scroll. */
  const markMore = () => {
    box.dataset.more = String(box.scrollTop < box.scrollHeight - box.clientHeight - 1);
  };
  box.addEventListener('scroll', markMore, { passive: true });
  const fit = () => {
    sizeTo();
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
