import type { RevealApi, RevealPlugin } from 'reveal.js';
import { layoutHandout } from './handout.ts';
import '../../assets/print.css';

/** What the PDF exporter (and a test) uses in the deck opened with `?print-pdf`. */
export interface PrintView {
  /** Resolves with the number of slide pages once reveal has laid them out and their fonts are loaded. */
  ready: Promise<number>;
  /**
   * Turns the slide pages into the speaker's handout and resolves with its title once its fonts are loaded. With
   * `picturesApart`, the slides' pictures are left for the PDF exporter to draw from the slides PDF (handout.ts).
   */
  handout(picturesApart?: boolean): Promise<string>;
  /**
   * Leaves only the slides `from` to `to` (not included) to be printed, as slide pages or, once the handout is laid
   * out, as the handout's: a long deck is printed in parts, since the browser's time to print grows faster than the
   * document.
   */
  part(from: number, to: number): void;
  /**
   * Replaces the handout printed in parts with `count` empty pages that carry only the handout's page numbers
   * (`3 / 398`, in its own page style), to be laid over the parts.
   */
  pageNumbers(count: number): void;
  /** Each slide page's heading, for the bookmarks of a PDF printed in parts. */
  headings(): string[];
}

declare global {
  interface Window {
    printView?: PrintView;
  }
}

/** The key that opens the print view; reveal leaves E unused. */
export const PRINT_KEY = { keyCode: 69, key: 'E', description: 'Print view: then Ctrl+P, Save as PDF' };

/**
 * The print view as a reveal plugin: E reloads the deck as reveal's print view, and in that view the PDF
 * exporter finds `window.printView` to wait on and to turn the pages into the handout.
 */
export function PrintView(): RevealPlugin {
  return {
    id: 'print-view',
    init(deck) {
      deck.addKeyBinding(PRINT_KEY, openPrintView);
      // reveal switches to its print view on the same test of the address.
      if (/print-pdf/i.test(location.search)) window.printView = createPrintView(deck);
    },
  };
}

/** Reloads the deck as reveal's print view, which the browser's own Save as PDF prints page for page. */
function openPrintView(): void {
  const url = new URL(location.href);
  url.search = 'print-pdf';
  location.assign(url);
}

function createPrintView(deck: RevealApi): PrintView {
  let done: Promise<string> | undefined;
  const handout = (picturesApart = false): Promise<string> => (done ??= fontsLoaded(layoutHandout(everyPage(), picturesApart)));
  const ready = new Promise<Event>((resolve) => document.addEventListener('pdf-ready', resolve, { once: true }))
    .then(() => fixSlideHeights(deck, pages()))
    .then(fontsLoaded)
    .then(async () => {
      const count = pages().length;
      if (new URLSearchParams(location.search).has('handout')) await handout();
      return count;
    });
  const headings = () => pages().map((page, i) => page.querySelector('h1, h2')?.textContent?.replace(/\s+/g, ' ').trim() || String(i + 1));
  return { ready, handout, part, pageNumbers, headings };
}

/** The slide pages, or once the handout is laid out its slides: what is printed. */
function printed(): HTMLElement[] {
  const handout = document.querySelector('.handout');
  return handout ? [...handout.children].filter((child): child is HTMLElement => child instanceof HTMLElement) : pages();
}

function part(from: number, to: number): void {
  const items = printed();
  for (const [i, item] of items.entries()) {
    item.classList.toggle('off-part', i < from || i >= to);
    // A part's last page breaks to no page after it, as the deck's last page does.
    item.classList.toggle('last-in-part', i === Math.min(to, items.length) - 1);
  }
  // The parts after the first share no page with the one before: the handout's page numbers are laid over them.
  document.documentElement.classList.add('printed-in-parts');
}

function pageNumbers(count: number): void {
  const handout = document.querySelector('.handout');
  if (!handout) return;
  const blank = () => Object.assign(document.createElement('div'), { className: 'numbered-page' });
  handout.replaceChildren(...Array.from({ length: count }, blank));
  document.documentElement.classList.add('page-numbers-only');
}

/** The slide pages, every one of them shown again after the slides were printed in parts. */
function everyPage(): HTMLElement[] {
  const all = pages();
  for (const page of all) page.classList.remove('off-part', 'last-in-part');
  return all;
}

function pages(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')];
}

/** Waits until every font the laid-out page uses has loaded; fonts load only once text needs them. */
async function fontsLoaded<T>(value: T): Promise<T> {
  void document.body.offsetHeight;
  await document.fonts.ready;
  return value;
}

/** Each slide exactly one page tall: a slide that filled its page would reach into the margin below it. */
function fixSlideHeights(deck: RevealApi, pageList: HTMLElement[]): void {
  const { height } = deck.getComputedSlideSize();
  for (const page of pageList) page.querySelector<HTMLElement>(':scope > section')?.style.setProperty('height', `${height}px`);
}
