/**
 * The speaker's handout, laid out inside the deck's print view so that it draws with the deck's own
 * embedded fonts and slide styles: each slide as a small picture, its heading, then everything the
 * speaker says with it, flowing onto as many A4 pages as it needs.
 */

/** Width of a slide's picture: two fifths of the text width, enough to tell the slides apart at a glance. */
const PICTURE_WIDTH_MM = 64;
const PX_PER_MM = 96 / 25.4;

/** Replaces the print view's slide pages with the handout and returns the handout's title. */
export function layoutHandout(pages: HTMLElement[]): string {
  const container = pages[0]?.parentElement;
  container?.append(element('div', 'handout', pages.map((page, i) => slideBlock(page, `${i + 1} / ${pages.length}`))));
  document.documentElement.classList.add('handout-view');
  // A PDF takes its title, and the browser's Save as PDF its file name, from the page's title.
  document.title = `${document.title}（讲稿）`;
  return document.title;
}

function slideBlock(page: HTMLElement, number: string): HTMLElement {
  const slide = page.querySelector<HTMLElement>(':scope > section');
  const head = element('header', 'handout-head', [picture(page), summary(slide, number)]);
  return element('article', 'handout-slide', [head, ...spoken(slide)]);
}

/** Beside the picture: the slide's number, its heading and, legibly, the phrases the audience reads on it. */
function summary(slide: HTMLElement | null, number: string): HTMLElement {
  const numeral = slide?.querySelector(':scope > .frame > .numeral')?.textContent;
  const title = slide?.querySelector('h1, h2')?.textContent ?? '';
  const heading = element('h3', 'handout-heading', [numeral ? element('span', 'handout-numeral', [numeral]) : '', title]);
  const phrases = [...(slide?.querySelectorAll('li') ?? [])].map((li) => element('li', '', [phraseText(li)]));
  const list = phrases.length ? [element('ul', 'handout-phrases', phrases)] : [];
  return element('div', 'handout-summary', [element('p', 'handout-number', [number]), heading, ...list]);
}

/** A key phrase as read: an agenda entry's numeral set off from its title as in 一、…. */
function phraseText(li: HTMLElement): string {
  const numeral = li.querySelector('.numeral')?.textContent;
  const title = li.querySelector('.agenda-title')?.textContent;
  return numeral && title ? `${numeral}、${title}` : (li.textContent ?? '');
}

/** The speaker's words, paragraph by paragraph, copied from the slide's notes with their markup. */
function spoken(slide: HTMLElement | null): HTMLElement[] {
  return [...(slide?.querySelectorAll('aside.notes > *') ?? [])].map((paragraph) =>
    element('p', 'handout-text', [...paragraph.childNodes].map((node) => node.cloneNode(true))),
  );
}

function element(tag: string, className: string, children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** The slide page itself, scaled down: it stays vector text in the PDF. */
function picture(page: HTMLElement): HTMLElement {
  const { offsetWidth: width, offsetHeight: height } = page;
  const scale = (PICTURE_WIDTH_MM * PX_PER_MM) / width;
  const figure = document.createElement('figure');
  figure.className = 'handout-picture';
  figure.style.width = `${PICTURE_WIDTH_MM}mm`;
  figure.style.height = `${(height * scale) / PX_PER_MM}mm`;
  page.style.width = `${width}px`;
  page.style.transform = `scale(${scale})`;
  figure.append(page);
  return figure;
}
