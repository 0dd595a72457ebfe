import type { RevealApi } from 'reveal.js';
import { SPEAKER_NAMES as N, SPEAKER_TEXT as T } from '../../core/labels.ts';
import { button, el, setWords, words } from './dom.ts';
import { notesPanel } from './notes.ts';
import { fitScreen, showSlide, type SlideSize } from './previews.ts';
import { prompter } from './prompter.ts';
import { canUseScreens, projectDeck, type Placement, type ProjectResult } from './screens.ts';
import { timePanel, type TimeSource } from './timer.ts';
import css from '../../../assets/speaker.css?inline';

/** The speaker view's window name: pressing S again finds the open window instead of opening another. */
export const WINDOW_NAME = 'speech-deck-speaker';

/** How often the clocks are redrawn; twice a second keeps the seconds from skipping. */
const TICK_MS = 500;

/**
 * Keys in the speaker view. A clicker's next and previous (PageDown/PageUp, →/←; Space unless the
 * teleprompter is on) turn the text's pages where it does not fit, then move the slides, as in the deck;
 * ↑/↓ scroll the text, as they would any page.
 */
const NEXT_KEYS = ['PageDown', 'ArrowRight', 'n', 'N'];
const PREVIOUS_KEYS = ['PageUp', 'ArrowLeft', 'p', 'P'];
/** ↑/↓ scroll the text by this many lines. */
const SCROLL_LINES = 2;

export const PROJECT_MESSAGES: Record<ProjectResult, string> = {
  done: '',
  'click-deck': T.clickDeck,
  'one-screen': T.oneScreen,
  unsupported: T.projectHow,
};

/** The open speaker view, as the deck's page drives it. */
export interface SpeakerWindow {
  closed(): boolean;
  focus(): void;
  /** Moves the view's window (the deck opened it, so it may) to fill a place on a screen. */
  place(place: Placement): void;
  /** A line for the speaker under the text: what to do next, or what just happened. */
  say(text: string): void;
  /** Shows the slide reveal is on: both previews, its text from the top, the clocks. `replaced`: the deck's slides
   * were replaced (a save), so the view takes the deck's styles again and keeps its place in the same slide's text. */
  update(replaced?: boolean): void;
  /** The deck's page is going away: its code can no longer drive the view, which says so. */
  detach(): void;
}

/**
 * Opens the speaker view in a window of its own (or finds it open) and builds it there, from the deck's
 * page: the current and next slides (copies of their DOM), the current slide's spoken text in large
 * type, and the clocks. The deck stays the one source of where the speech is: keys in either window move
 * reveal, and the view follows reveal's `slidechanged`. Null when the browser blocked the window.
 */
export function openSpeakerWindow(deck: RevealApi, source: TimeSource, place?: Placement, options: { existing?: boolean } = {}): SpeakerWindow | null {
  const { width, height } = place ?? { width: Math.min(1280, screen.availWidth), height: Math.min(800, screen.availHeight) };
  const at = place ? `,left=${place.left},top=${place.top}` : '';
  const popup = window.open('', WINDOW_NAME, `popup,width=${width},height=${height}${at}`);
  if (!popup) return null;
  const doc = popup.document;
  // Only a view this deck's page built before it reloaded is taken over; a window opened just now is not wanted.
  if (options.existing && !doc.documentElement.classList.contains('speaker-view')) {
    popup.close();
    return null;
  }
  const notes = notesPanel(doc);
  const teleprompter = prompter(notes.box, () => source.now());
  const time = timePanel(doc, source);
  const current = figure(doc, T.current);
  const next = figure(doc, T.next);
  const sizeLabel = el(doc, 'span', { class: 'sv-size', 'aria-live': 'polite' });
  const pageLabel = el(doc, 'span', { class: 'sv-page', 'aria-live': 'polite' });
  const status = el(doc, 'p', { class: 'sv-status', role: 'status' });
  const say = (text: string) => setWords(status, text);
  const slideSize = (): SlideSize => ({ width: Number(deck.getConfig().width) || 1920, height: Number(deck.getConfig().height) || 1080 });
  /** Every listener and timer the deck set on the view, undone at once when the deck goes away. */
  const wiring = new AbortController();

  /** `+`/`-` (steps), or `0` (null): the text's size, then what depends on it. */
  const resize = (steps: number | null) => {
    if (steps === null) notes.autoSize();
    else notes.change(steps);
    textChanged();
  };
  /** `T` (toggle) or Space (pause): the teleprompter, then what shows its state. */
  const prompt = (action: 'toggle' | 'togglePause') => {
    teleprompter[action]();
    prompting();
  };
  const autoButton = button(doc, { class: 'sv-auto', 'aria-pressed': 'true' }, T.auto, () => resize(null));
  const prompterButton = button(doc, { class: 'sv-prompter', 'aria-pressed': 'false' }, `${T.prompter} T`, () => prompt('toggle'));

  /** Which page of the text shows, where it takes more than one. */
  function pageShown(): void {
    const { index, count } = notes.page();
    setWords(pageLabel, count > 1 ? T.page.replace('{n}', String(index + 1)).replace('{total}', String(count)) : '');
  }

  /** The size shown, the page, and the teleprompter's rate for the text as now laid out. */
  function textChanged(): void {
    pageShown();
    sizeLabel.textContent = String(notes.size());
    autoButton.setAttribute('aria-pressed', String(notes.fitted()));
    teleprompter.setRate(notes.text.offsetHeight, Number(deck.getCurrentSlide()?.dataset.timing) || 0);
  }

  function prompting(): void {
    const { on, paused } = teleprompter.state();
    prompterButton.setAttribute('aria-pressed', String(on));
    notes.box.dataset.prompter = on ? (paused ? 'paused' : 'on') : 'off';
    say(on ? (paused ? T.prompterPaused : T.prompterOn) : '');
  }

  /** The two previews share what height the clocks and captions leave, each at most the column's width. */
  function fitScreens(): void {
    const side = time.element.parentElement!;
    const gap = parseFloat(popup!.getComputedStyle(side).rowGap) || 0;
    const room = (side.clientHeight - time.element.offsetHeight - current.caption.offsetHeight - next.caption.offsetHeight - 2 * gap) / 2;
    for (const f of [current, next]) fitScreen(f.screen, { width: side.clientWidth, height: room }, slideSize());
  }

  /** After the window changed size or the fonts loaded: previews, then the text's size and rate. */
  function layout(): void {
    if (popup!.closed) return;
    fitScreens();
    notes.fit();
    textChanged();
  }

  /** The slide shown last. */
  let shown: string | undefined;
  /** The slide a previous from the top of the text went back to: it shows the end of its text. */
  let backTo = -1;

  function update(replaced = false): void {
    if (replaced) copyStyles();
    const slides = deck.getSlides();
    const index = Math.max(0, slides.indexOf(deck.getCurrentSlide()));
    const slide = slides[index];
    // Where the text stood, when a save left the view on the same slide.
    const kept = replaced && shown === slide?.id ? notes.box.scrollTop : undefined;
    const theme = deck.getRevealElement()?.dataset.theme ?? 'light';
    setWords(current.caption, `${T.current} · ${T.slide.replace('{n}', String(index + 1)).replace('{total}', String(slides.length))}`);
    showSlide(current.screen, slide, theme, slideSize(), '');
    showSlide(next.screen, slides[index + 1], theme, slideSize(), T.last);
    notes.show(slide?.querySelector('aside.notes') ?? null, T.noNotes);
    if (kept !== undefined) notes.box.scrollTop = kept;
    else if (index === backTo) notes.lastPage();
    backTo = -1;
    shown = slide?.id;
    textChanged();
    if (kept === undefined) teleprompter.restart();
    else teleprompter.scrolledTo(notes.box.scrollTop);
    time.render();
  }

  /** After a page turn: the page shown, and the teleprompter reads on from there. */
  function turned(): void {
    pageShown();
    teleprompter.scrolledTo(notes.box.scrollTop);
  }

  /** The clicker's next: the text's next page, else the next slide. */
  function forward(): void {
    if (notes.nextPage()) turned();
    else deck.next();
  }

  /** The clicker's previous: the text's page before, else the slide before, at the end of its text. */
  function back(): void {
    if (notes.previousPage()) return turned();
    backTo = Math.max(0, deck.getSlides().indexOf(deck.getCurrentSlide())) - 1;
    deck.prev();
    // Reveal did not move (the first slide): nothing is to show the end of its text.
    backTo = -1;
  }

  function onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const { key } = event;
    const space = key === ' ' && !teleprompter.state().on;
    if (NEXT_KEYS.includes(key) || (space && !event.shiftKey)) forward();
    else if (PREVIOUS_KEYS.includes(key) || (space && event.shiftKey)) back();
    else if (key === ' ') prompt('togglePause');
    else if (key === 'ArrowDown' || key === 'ArrowUp') teleprompter.scrolledTo(notes.scrollLines(key === 'ArrowDown' ? SCROLL_LINES : -SCROLL_LINES));
    else if (key === '+' || key === '=') resize(1);
    else if (key === '-' || key === '_') resize(-1);
    else if (key === '0') resize(null);
    else if (key === 't' || key === 'T') prompt('toggle');
    else if (key === 'b' || key === 'B' || key === '.') deck.togglePause();
    else return;
    event.preventDefault();
  }

  const view: SpeakerWindow = {
    closed: () => popup.closed,
    focus: () => popup.focus(),
    place(p) {
      popup.moveTo(p.left, p.top);
      popup.resizeTo(p.width, p.height);
    },
    say,
    update,
    detach() {
      teleprompter.stop();
      popup.clearInterval(ticker);
      wiring.abort();
      // Shown after a moment (speaker.css): a deck page that reloads takes the view over again before then.
      if (!popup.closed) doc.body.append(el(doc, 'div', { class: 'sv-closed', role: 'alert' }, el(doc, 'p', {}, ...words(doc, T.closed))));
    },
  };

  // The page: the deck's own styles (its embedded fonts, reveal's and the theme's) draw the previews and
  // the text, and the view's own on top.
  doc.documentElement.lang = 'zh-CN';
  doc.documentElement.className = 'speaker-view';
  const own = el(doc, 'style', {}, css);
  /** The deck's styles the view has, so that a save (which may bring faces for new characters) adds only new ones. */
  const copied = new Set<HTMLStyleElement>();
  function copyStyles(): void {
    const fresh = [...document.querySelectorAll('style')].filter((s) => !copied.has(s));
    for (const s of fresh) copied.add(s);
    own.before(...fresh.map((s) => el(doc, 'style', {}, s.textContent ?? '')));
  }
  doc.head.replaceChildren(doc.createElement('title'), own);
  copyStyles();
  doc.title = `${T.view} · ${document.title}`;
  const screens = canUseScreens(popup);
  const tools = el(
    doc,
    'div',
    { class: 'sv-tools' },
    el(doc, 'span', { class: 'sv-label' }, T.size),
    button(doc, { 'aria-label': N.smaller }, '−', () => resize(-1)),
    sizeLabel,
    button(doc, { 'aria-label': N.larger }, '+', () => resize(1)),
    autoButton,
    prompterButton,
    pageLabel,
    screens &&
      button(doc, { class: 'sv-project' }, T.project, async () => {
        const { result, speaker } = await projectDeck(window, popup);
        say(PROJECT_MESSAGES[result]);
        if (speaker) view.place(speaker);
      }),
  );
  doc.body.replaceChildren(
    el(doc, 'aside', { class: 'sv-side' }, time.element, current.figure, next.figure),
    el(doc, 'main', { class: 'sv-main' }, tools, notes.box, el(doc, 'p', { class: 'sv-keys' }, ...words(doc, T.keys)), status),
  );
  if (!screens) say(T.projectHow);

  const signal = wiring.signal;
  doc.addEventListener('keydown', onKey, { signal });
  popup.addEventListener('resize', layout, { signal });
  notes.box.addEventListener('wheel', () => popup.requestAnimationFrame(() => teleprompter.scrolledTo(notes.box.scrollTop)), { signal, passive: true });
  notes.box.addEventListener('scroll', pageShown, { signal, passive: true });
  const ticker = popup.setInterval(time.render, TICK_MS);
  fitScreens();
  update();
  // The embedded fonts load once the text asks for them; their metrics change what fits.
  void Promise.all([...doc.fonts].map((face) => face.load().catch(() => face))).then(layout);
  return view;
}

interface Figure {
  figure: HTMLElement;
  caption: HTMLElement;
  screen: HTMLElement;
}

function figure(doc: Document, label: string): Figure {
  const caption = el(doc, 'figcaption', {}, ...words(doc, label));
  const screen = el(doc, 'div', { class: 'sv-screen' });
  return { figure: el(doc, 'figure', { class: `sv-preview ${label === T.next ? 'sv-next' : 'sv-current'}` }, caption, screen), caption, screen };
}
