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

/**
 * The current slide's spoken text in the speaker view: as large as fits the panel (from 40 to 80 px),
 * or the size the speaker chose with `+`/`-`, remembered between sessions. Text that does not fit at
 * 40 px scrolls, with ↑/↓, the wheel or the teleprompter.
 */
export class NotesPanel {
  readonly box: HTMLElement;
  readonly text: HTMLElement;
  private chosen = readChosen();
  private px = MIN_TEXT_PX;

  constructor(doc: Document) {
    this.text = el(doc, 'div', { class: 'sv-text', lang: 'zh-CN' });
    this.box = el(doc, 'div', { class: 'sv-notes', role: 'region', 'aria-label': SPEAKER_NAMES.notes }, this.text);
  }

  /** The size the text is set in now, in px. */
  get size(): number {
    return this.px;
  }

  /** Whether the size follows the text (true) or the speaker's choice. */
  get fitted(): boolean {
    return this.chosen === null;
  }

  /** Shows a slide's notes (copied, so the deck keeps its own) from the top, or a line saying it has none. */
  show(notes: Element | null, emptyText: string): void {
    const doc = this.text.ownerDocument;
    const paragraphs = notes ? [...notes.children].map((p) => doc.importNode(p, true)) : [];
    this.text.replaceChildren(...(paragraphs.length ? paragraphs : [el(doc, 'p', { class: 'sv-empty' }, emptyText)]));
    this.box.scrollTop = 0;
    this.fit();
  }

  /** Sets the text size: the chosen one, else the largest from 40 to 80 px at which the whole text shows. */
  fit(): void {
    if (this.chosen !== null) {
      this.apply(this.chosen);
      return;
    }
    let [low, high] = [MIN_TEXT_PX, MAX_TEXT_PX];
    this.apply(high);
    if (this.fits()) return;
    // The largest size that fits, to the pixel, in a few layouts.
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      this.apply(mid);
      if (this.fits()) low = mid;
      else high = mid;
    }
    this.apply(low);
  }

  /** `+`/`-`: from the size shown now, by a step; remembered. */
  change(steps: number): void {
    this.chosen = Math.min(CHOSEN_RANGE[1], Math.max(CHOSEN_RANGE[0], this.px + steps * TEXT_STEP_PX));
    saveChosen(this.chosen);
    this.fit();
  }

  /** `0`: back to fitting the text; remembered. */
  autoSize(): void {
    this.chosen = null;
    saveChosen(null);
    this.fit();
  }

  /** One line of text in px, for scrolling by lines. */
  get lineHeight(): number {
    const view = this.text.ownerDocument.defaultView!;
    return parseFloat(view.getComputedStyle(this.text).lineHeight) || this.px * 1.6;
  }

  /** How far the text can scroll, in px. */
  get scrollRange(): number {
    return Math.max(0, this.box.scrollHeight - this.box.clientHeight);
  }

  private apply(px: number): void {
    this.px = px;
    this.text.style.fontSize = `${px}px`;
  }

  private fits(): boolean {
    return this.box.scrollHeight <= this.box.clientHeight && this.box.scrollWidth <= this.box.clientWidth;
  }
}
