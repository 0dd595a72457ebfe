import type { RevealApi } from 'reveal.js';
import { SPEAKER_NAMES as N, SPEAKER_TEXT as T } from '../../core/labels.ts';
import { button, el, setWords, words } from './dom.ts';
import { NotesPanel } from './notes.ts';
import { fitScreen, showSlide, type SlideSize } from './previews.ts';
import { Prompter } from './prompter.ts';
import { canUseScreens, projectDeck, type Placement, type ProjectResult } from './screens.ts';
import { TimePanel, type TimeSource } from './timer.ts';
import css from './speaker.css?inline';

/** The speaker view's window name: pressing S again finds the open window instead of opening another. */
export const WINDOW_NAME = 'speech-deck-speaker';

/** How often the clocks are redrawn; twice a second keeps the seconds from skipping. */
const TICK_MS = 500;

/** Keys that move the slides, as a clicker sends them (Space too, unless the teleprompter is on). */
const NEXT_KEYS = new Set(['PageDown', 'ArrowRight', 'n', 'N']);
const PREVIOUS_KEYS = new Set(['PageUp', 'ArrowLeft', 'p', 'P']);
/** ↑/↓ scroll the text by this many lines. */
const SCROLL_LINES = 2;

export const PROJECT_MESSAGES: Record<Exclude<ProjectResult, 'done'>, string> = {
  'click-deck': T.clickDeck,
  'one-screen': T.oneScreen,
  unsupported: T.projectHow,
};

interface Figure {
  figure: HTMLElement;
  caption: HTMLElement;
  screen: HTMLElement;
}

/**
 * The speaker view: a window of its own, built and driven from the deck's page. It shows the current
 * and next slides (copies of their DOM), the current slide's spoken text in large type, and the clocks.
 * The deck stays the one source of where the speech is: keys in either window move reveal, and the
 * view follows reveal's `slidechanged`.
 */
export class SpeakerWindow {
  private readonly doc: Document;
  private readonly notes: NotesPanel;
  private readonly prompter: Prompter;
  private readonly time: TimePanel;
  private readonly current: Figure;
  private readonly next: Figure;
  private readonly sizeLabel: HTMLElement;
  private readonly prompterButton: HTMLButtonElement;
  private readonly autoButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  /** Every listener and timer the deck set on the view, undone at once when the deck goes away. */
  private readonly wiring = new AbortController();
  private ticker = 0;

  /** Opens the speaker view's window, or finds it open, and builds the view in it; null when the browser blocked it. */
  static open(deck: RevealApi, source: TimeSource, place?: Placement): SpeakerWindow | null {
    const { width, height } = place ?? { width: Math.min(1280, screen.availWidth), height: Math.min(800, screen.availHeight) };
    const at = place ? `,left=${place.left},top=${place.top}` : '';
    const popup = window.open('', WINDOW_NAME, `popup,width=${width},height=${height}${at}`);
    return popup ? new SpeakerWindow(deck, popup, source) : null;
  }

  private constructor(
    private readonly deck: RevealApi,
    readonly popup: Window,
    private readonly source: TimeSource,
  ) {
    const doc = (this.doc = popup.document);
    this.notes = new NotesPanel(doc);
    this.prompter = new Prompter(this.notes.box, () => source.now());
    this.time = new TimePanel(doc, source);
    this.current = figure(doc, 'sv-current');
    this.next = figure(doc, 'sv-next');
    this.sizeLabel = el(doc, 'span', { class: 'sv-size', 'aria-live': 'polite' });
    this.prompterButton = button(doc, { class: 'sv-prompter', 'aria-pressed': 'false' }, `${T.prompter} T`, () => this.togglePrompter());
    this.autoButton = button(doc, { class: 'sv-auto', 'aria-pressed': 'true' }, T.auto, () => this.autoSize());
    this.status = el(doc, 'p', { class: 'sv-status', role: 'status' });
    this.build();
    this.wire();
    this.fitScreens();
    this.update();
    // The embedded fonts load once the text asks for them; their metrics change what fits.
    void Promise.all([...doc.fonts].map((face) => face.load().catch(() => face))).then(() => this.layout());
  }

  get closed(): boolean {
    return this.popup.closed;
  }

  focus(): void {
    this.popup.focus();
  }

  /** Moves the view's window (the deck opened it, so it may) to fill a place on a screen. */
  place(place: Placement): void {
    this.popup.moveTo(place.left, place.top);
    this.popup.resizeTo(place.width, place.height);
  }

  /** A line for the speaker under the text: what to do next, or what just happened. */
  say(text: string): void {
    setWords(this.status, text);
  }

  /** Shows the slide reveal is on: both previews, its text from the top, the clocks. */
  update(): void {
    const slides = this.deck.getSlides();
    const index = this.index();
    const slide = slides[index];
    const size = this.slideSize();
    const theme = this.deck.getRevealElement()?.dataset.theme ?? 'light';
    setWords(this.current.caption, `${T.current} · ${T.slide.replace('{n}', String(index + 1)).replace('{total}', String(slides.length))}`);
    showSlide(this.current.screen, slide, theme, size, '');
    showSlide(this.next.screen, slides[index + 1], theme, size, T.last);
    this.notes.show(slide?.querySelector('aside.notes') ?? null, T.noNotes);
    this.afterTextChange();
    this.prompter.restart();
    this.time.render();
  }

  /** The deck's page is going away: its code can no longer drive the view, which says so. */
  detach(): void {
    this.prompter.stop();
    this.popup.clearInterval(this.ticker);
    this.wiring.abort();
    if (!this.popup.closed) this.doc.body.append(el(this.doc, 'div', { class: 'sv-closed', role: 'alert' }, el(this.doc, 'p', {}, ...words(this.doc, T.closed))));
  }

  private index(): number {
    return Math.max(0, this.deck.getSlides().indexOf(this.deck.getCurrentSlide()));
  }

  private slideSize(): SlideSize {
    const { width, height } = this.deck.getConfig();
    return { width: Number(width) || 1920, height: Number(height) || 1080 };
  }

  private build(): void {
    const doc = this.doc;
    doc.documentElement.lang = 'zh-CN';
    doc.documentElement.className = 'speaker-view';
    // The deck's own styles (its embedded fonts, reveal's and the theme's) draw the previews and the text.
    const styles = [...document.querySelectorAll('style')].map((s) => el(doc, 'style', {}, s.textContent ?? ''));
    doc.head.replaceChildren(doc.createElement('title'), ...styles, el(doc, 'style', {}, css));
    doc.title = `${T.view} · ${document.title}`;
    const tools = el(
      doc,
      'div',
      { class: 'sv-tools' },
      el(doc, 'span', { class: 'sv-label' }, T.size),
      button(doc, { class: 'sv-smaller', 'aria-label': N.smaller }, '−', () => this.resize(-1)),
      this.sizeLabel,
      button(doc, { class: 'sv-larger', 'aria-label': N.larger }, '+', () => this.resize(1)),
      this.autoButton,
      this.prompterButton,
      canUseScreens(this.popup) && button(doc, { class: 'sv-project' }, T.project, () => void this.project()),
    );
    const keys = el(doc, 'p', { class: 'sv-keys' }, ...words(doc, T.keys));
    if (!canUseScreens(this.popup)) this.say(T.projectHow);
    doc.body.replaceChildren(
      el(doc, 'aside', { class: 'sv-side' }, this.time.element, this.current.figure, this.next.figure),
      el(doc, 'main', { class: 'sv-main' }, tools, this.notes.box, keys, this.status),
    );
  }

  private wire(): void {
    const signal = this.wiring.signal;
    this.doc.addEventListener('keydown', (event) => this.onKey(event), { signal });
    this.popup.addEventListener('resize', () => this.layout(), { signal });
    this.notes.box.addEventListener('wheel', () => this.popup.requestAnimationFrame(() => this.prompter.scrolledTo(this.notes.box.scrollTop)), { signal, passive: true });
    this.ticker = this.popup.setInterval(() => this.time.render(), TICK_MS);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const { key } = event;
    let handled = true;
    if (NEXT_KEYS.has(key) || (key === ' ' && !this.prompter.on && !event.shiftKey)) this.deck.next();
    else if (PREVIOUS_KEYS.has(key) || (key === ' ' && !this.prompter.on && event.shiftKey)) this.deck.prev();
    else if (key === ' ') this.pausePrompter();
    else if (key === 'ArrowDown' || key === 'ArrowUp') this.scrollLines(key === 'ArrowDown' ? SCROLL_LINES : -SCROLL_LINES);
    else if (key === '+' || key === '=') this.resize(1);
    else if (key === '-' || key === '_') this.resize(-1);
    else if (key === '0') this.autoSize();
    else if (key === 't' || key === 'T') this.togglePrompter();
    else if (key === 'b' || key === 'B' || key === '.') this.deck.togglePause();
    else handled = false;
    if (handled) event.preventDefault();
  }

  private scrollLines(lines: number): void {
    const box = this.notes.box;
    const top = Math.min(this.notes.scrollRange, Math.max(0, box.scrollTop + lines * this.notes.lineHeight));
    box.scrollTop = top;
    this.prompter.scrolledTo(top);
  }

  private resize(steps: number): void {
    this.notes.change(steps);
    this.afterTextChange();
  }

  private autoSize(): void {
    this.notes.autoSize();
    this.afterTextChange();
  }

  private togglePrompter(): void {
    this.prompter.toggle();
    this.showPrompter();
  }

  private pausePrompter(): void {
    this.prompter.togglePause();
    this.showPrompter();
  }

  private showPrompter(): void {
    const { on, paused } = this.prompter;
    this.prompterButton.setAttribute('aria-pressed', String(on));
    this.notes.box.dataset.prompter = on ? (paused ? 'paused' : 'on') : 'off';
    this.say(on ? (paused ? T.prompterPaused : T.prompterOn) : '');
  }

  private async project(): Promise<void> {
    const { result, speaker } = await projectDeck(window, this.popup);
    this.say(result === 'done' ? '' : PROJECT_MESSAGES[result]);
    if (speaker) this.place(speaker);
  }

  /** After the window changed size or the fonts loaded: previews, then the text's size and rate. */
  private layout(): void {
    if (this.popup.closed) return;
    this.fitScreens();
    this.notes.fit();
    this.afterTextChange();
  }

  /** The two previews share what height the clocks and captions leave, each at most the column's width. */
  private fitScreens(): void {
    const side = this.time.element.parentElement!;
    const gap = parseFloat(this.popup.getComputedStyle(side).rowGap) || 0;
    const captions = this.current.caption.offsetHeight + this.next.caption.offsetHeight;
    const height = (side.clientHeight - this.time.element.offsetHeight - captions - 2 * gap) / 2;
    for (const f of [this.current, this.next]) fitScreen(f.screen, { width: side.clientWidth, height }, this.slideSize());
  }

  /** The size shown, and the teleprompter's rate for the text as now laid out. */
  private afterTextChange(): void {
    this.sizeLabel.textContent = String(this.notes.size);
    this.autoButton.setAttribute('aria-pressed', String(this.notes.fitted));
    const seconds = Number(this.deck.getCurrentSlide()?.dataset.timing) || 0;
    this.prompter.setRate(this.notes.text.offsetHeight, seconds);
  }
}

function figure(doc: Document, kind: string): Figure {
  const caption = el(doc, 'figcaption', {}, ...words(doc, kind === 'sv-next' ? T.next : T.current));
  const screen = el(doc, 'div', { class: 'sv-screen' });
  return { figure: el(doc, 'figure', { class: `sv-preview ${kind}` }, caption, screen), caption, screen };
}
