import { PICTURE_PLACE } from '../core/handout.ts';
import { PICTURE_LABEL } from '../core/labels.ts';

/**
 * The speaker's handout, laid out inside the deck's print view so that it draws with the deck's own
 * embedded fonts and slide styles: each slide as a small picture, its heading, then everything the
 * speaker says with it, flowing onto as many A4 pages as it needs.
 */

/** Width of a slide's picture: two fifths of the text width, enough to tell the slides apart at a glance. */
const PICTURE_WIDTH_MM = 64;
const PX_PER_MM = 96 / 25.4;

/**
 * Replaces the print view's slide pages with the handout and returns the handout's title. With `picturesApart`, each
 * slide's picture is an empty place for the exporter to draw in (PICTURE_PLACE).
 */
export function layoutHandout(pages: HTMLElement[], picturesApart = false): string {
  const container = pages[0]?.parentElement;
  // Every size is read before anything moves: a read after each move would lay the page out once a slide.
  const sizes = pages.map((page) => ({ width: page.offsetWidth, height: page.offsetHeight }));
  container?.append(
    element(
      'div',
      'handout',
      pages.map((page, i) => slideBlock(page, sizes[i]!, i, pages.length, picturesApart)),
    ),
  );
  document.documentElement.classList.add('handout-view');
  if (picturesApart) document.documentElement.classList.add('pictures-apart');
  // A PDF takes its title, and the browser's Save as PDF its file name, from the page's title.
  document.title = `${document.title}（讲稿）`;
  return document.title;
}

function slideBlock(page: HTMLElement, size: Size, index: number, count: number, picturesApart: boolean): HTMLElement {
  const slide = page.querySelector<HTMLElement>(':scope > section');
  const head = element('header', 'handout-head', [picture(page, size, picturesApart ? index : undefined), summary(slide, `${index + 1} / ${count}`)]);
  return element('article', 'handout-slide', [head, ...spoken(slide)]);
}

/**
 * Beside the picture: the slide's number, its heading and, legibly, the phrases the audience reads on it
 * and the descriptions of its pictures.
 */
function summary(slide: HTMLElement | null, number: string): HTMLElement {
  const numeral = slide?.querySelector(':scope > .frame > .numeral')?.textContent;
  const title = slide?.querySelector('h1, h2');
  const heading = element('h3', 'handout-heading', [numeral ? element('span', 'handout-numeral', [numeral]) : '', ...wrappable(title)]);
  const phrases = [...(slide?.querySelectorAll('li') ?? [])].map((li) => element('li', '', phrase(li)));
  const list = phrases.length ? [element('ul', 'handout-phrases', phrases)] : [];
  const pictures = [...(slide?.querySelectorAll<HTMLImageElement>('figure.image img') ?? [])].filter((img) => img.alt);
  const described = pictures.map((img) => element('p', 'handout-picture-text', [`${PICTURE_LABEL}${img.alt}`]));
  return element('div', 'handout-summary', [element('p', 'handout-number', [number]), heading, ...list, ...described]);
}

/** A key phrase as read: an agenda entry's numeral set off from its title as in 一、…. */
function phrase(li: HTMLElement): (Node | string)[] {
  const numeral = li.querySelector('.numeral')?.textContent;
  const title = li.querySelector<HTMLElement>('.agenda-title');
  return numeral && title ? [`${numeral}、`, ...wrappable(title)] : wrappable(li);
}

/**
 * An element's text with the places it may wrap (the renderer's <wbr>s between words), without the line
 * breaks fit.ts chose for the slide: the handout's narrower column wraps it afresh, never inside a word.
 */
function wrappable(source: Element | null | undefined): Node[] {
  if (!source) return [];
  const copy = source.cloneNode(true) as Element;
  for (const br of copy.querySelectorAll('br.fit-break')) br.remove();
  return [...copy.childNodes];
}

/** The speaker's words, paragraph by paragraph, copied from the slide's notes with their markup. */
function spoken(slide: HTMLElement | null): HTMLElement[] {
  return [...(slide?.querySelectorAll('aside.notes > *') ?? [])].map((paragraph) => {
    const copy = element(
      'p',
      'handout-text',
      [...paragraph.childNodes].map((node) => node.cloneNode(true)),
    );
    keepLastCharactersTogether(copy);
    return copy;
  });
}

/**
 * Keeps a paragraph's last two characters, and the marks after them, on one line, so that no character
 * is left alone on the paragraph's last line.
 */
function keepLastCharactersTogether(paragraph: HTMLElement): void {
  const last = paragraph.lastChild;
  if (last?.nodeType !== Node.TEXT_NODE) return;
  const text = last.nodeValue ?? '';
  const tail = /[\p{L}\p{N}]{2}[^\p{L}\p{N}]*$/u.exec(text);
  if (!tail || tail.index === 0) return;
  (last as Text).splitText(tail.index);
  paragraph.lastChild!.replaceWith(element('span', 'nobr', [tail[0]]));
}

function element(tag: string, className: string, children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

interface Size {
  width: number;
  height: number;
}

/**
 * The slide page itself (laid out at `size`), scaled down: it stays vector text in the PDF. Or, given the slide's
 * index, the empty place where the exporter draws it.
 */
function picture(page: HTMLElement, { width, height }: Size, place?: number): HTMLElement {
  const scale = (PICTURE_WIDTH_MM * PX_PER_MM) / width;
  const figure = document.createElement('figure');
  figure.className = 'handout-picture';
  figure.style.width = `${PICTURE_WIDTH_MM}mm`;
  figure.style.height = `${(height * scale) / PX_PER_MM}mm`;
  if (place !== undefined) {
    const link = element('a', 'handout-picture-place', []);
    link.setAttribute('href', `${PICTURE_PLACE}${place}`);
    figure.append(link);
    return figure;
  }
  page.style.width = `${width}px`;
  page.style.transform = `scale(${scale})`;
  figure.append(page);
  return figure;
}
