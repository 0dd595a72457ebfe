import { escapeMarkup } from '../core/escape.ts';
import { attrs } from './attrs.ts';
import { SLIDE_LABELS } from '../core/labels.ts';
import { unhandledSlideKind, type Deck, type Inline, type Section, type Slide, type Visible } from '../core/model.ts';
import { titleShownAsBuilt } from '../core/capacity.ts';
import { markBreaks, NUMBER_RUN, pauseBreaks } from '../core/wrap.ts';
import { paletteCss } from './palette.ts';

/** The rendered deck, ready to be put into the page template. */
export interface RenderedDeck {
  title: string;
  theme: string;
  /** The inside of reveal's `.slides` element. */
  slides: string;
}

/** Renders a deck model to reveal.js markup, walking `deck.slides` in order. Pure: every piece of author text is escaped. */
export function render(deck: Deck): RenderedDeck {
  const parts: string[] = [];
  let column: string[] = [];
  let columnOf: number | undefined;
  const closeColumn = () => {
    if (column.length) parts.push(`<section class="column">\n${column.join('\n')}\n</section>`);
    column = [];
  };
  for (const slide of deck.slides) {
    // A section's opener and its sub-points stack as one vertical column.
    if (slide.section !== columnOf) closeColumn();
    columnOf = slide.section;
    const html = renderSlide(slide, deck);
    if (slide.section === undefined) parts.push(html);
    else column.push(html);
  }
  closeColumn();
  return { title: deck.meta.title, theme: deck.meta.theme, slides: parts.join('\n') };
}

function renderSlide(slide: Slide, deck: Deck): string {
  switch (slide.kind) {
    case 'title':
      return titleSlide(deck);
    case 'agenda':
      return agendaSlide(slide, deck);
    case 'section':
      return openerSlide(slide, deck.sections[slide.section!]!, deck);
    case 'point':
      return pointSlide(slide, deck.sections[slide.section!]!, deck);
    case 'opening':
    case 'closing':
      return contentSlide(slide, deck, SLIDE_LABELS[slide.kind]);
    default:
      return unhandledSlideKind(slide.kind);
  }
}

const PLACEHOLDER = {
  palette: '<!--speech-deck:palette-->',
  title: '<!--speech-deck:title-->',
  deck: '<!--speech-deck:deck-->',
} as const;

/**
 * Where each theme's colours apply: the light theme's everywhere, the dark theme's on a dark deck and the page
 * around it (`theme: dark` in the front matter; theme.css reads them).
 */
const THEME_SCOPES = { light: ':root', dark: ".reveal[data-theme='dark'],body:has(.reveal[data-theme='dark'])" };

/**
 * Puts a rendered deck into the HTML page template at its placeholders, and the themes' colours (assets/palette.json)
 * as a style sheet at the palette's, where the template has one: the page bundled with Vite gets them there once, and
 * its shell (node/shell.ts) keeps them.
 */
export function fillTemplate(template: string, deck: RenderedDeck): string {
  const body = `<div class="reveal"${attrs({ 'data-theme': deck.theme })}><div class="slides">\n${deck.slides}\n</div></div>`;
  // The palette first, and function replacers, so that neither a marker's text nor `$&` and friends in author text count.
  return template
    .replace(PLACEHOLDER.palette, () => `<style>${paletteCss(THEME_SCOPES)}</style>`)
    .replace(PLACEHOLDER.title, () => escapeMarkup(deck.title))
    .replace(PLACEHOLDER.deck, () => body);
}

function titleSlide(deck: Deck): string {
  const { meta, title } = deck;
  const speaker = meta.speaker ? `<p class="speaker">${escapeMarkup(meta.speaker)}</p>` : '';
  const parts = [meta.occasion, meta.date].filter(Boolean).map((text) => `<span>${escapeMarkup(text)}</span>`);
  const occasion = parts.length ? `<p class="occasion">${parts.join('')}</p>` : '';
  // A title slide known to fit as it is goes out fitted, and the page shows it before any script runs (opening.ts).
  const fitted = titleShownAsBuilt(deck) ? { style: '--fit:1', 'data-prefit': '' } : {};
  return section(title, `<h1>${breakable(title.heading)}</h1>${speaker}${occasion}`, fitted);
}

function agendaSlide(slide: Slide, deck: Deck): string {
  const listed = slide.agenda ? slide.agenda.sections.map((i) => deck.sections[i]!) : deck.sections;
  const items = listed
    .map((s) => `<li><a${attrs({ href: `#/${s.opener.id}` })}>${numeral(s)}<span class="agenda-title">${breakable(s.title)}</span></a></li>`)
    .join('');
  // Two columns are read down the first, then the second: the list says how many rows the first one holds.
  const columns = slide.agenda?.columns === 2 ? attrs({ class: 'agenda columns', style: `--rows:${Math.ceil(listed.length / 2)}` }) : ' class="agenda"';
  return section(slide, `<h2>${slide.heading.html}</h2><ol${columns}>${items}</ol>`);
}

function openerSlide(slide: Slide, s: Section, _deck: Deck): string {
  return section(slide, `${numeral(s)}<div class="section-body"><h2 class="section-title">${breakable(s.title)}</h2>${visible(slide.visible)}</div>`);
}

function pointSlide(slide: Slide, s: Section, _deck: Deck): string {
  return section(slide, `<p class="running-head">${breakable(s.opener.heading)}</p><h2>${breakable(slide.heading)}</h2>${visible(slide.visible)}`);
}

function contentSlide(slide: Slide, deck: Deck, label: string): string {
  // The speech's title as running head: the `#` heading, with its word breaks, unless the front matter gave another.
  const { meta, title } = deck;
  const head = meta.title === title.heading.text ? title.heading : { html: escapeMarkup(meta.title), text: meta.title };
  return section(slide, `<p class="running-head">${breakable(head)}</p><h2>${label}</h2>${visible(slide.visible)}`);
}

/**
 * Marks the places a heading or key phrase may wrap with <wbr>: between words when the loader found them
 * (`breaks`), else after pause marks. The theme keeps words whole, so a line ends only at one of these.
 */
function breakable(inline: Pick<Inline, 'html' | 'text' | 'breaks'>): string {
  return markBreaks(inline.html, inline.text, inline.breaks ?? pauseBreaks(inline.text), '<wbr>') ?? inline.html;
}

/** Keeps numbers with their units and dates in one piece in the spoken text (10月22日, not 10月22 / 日). */
function keepRunsTogether(html: string): string {
  return html.replace(
    /(<[^>]*>)|[^<]+/g,
    (piece, tag: string | undefined) => tag ?? piece.replace(NUMBER_RUN, (run) => (run.length > 1 ? `<span class="nobr">${run}</span>` : run)),
  );
}

/** A section's numeral; its length (一, 十一, 二十一) lets the theme size it to its square. */
function numeral(s: Section): string {
  return s.numeral ? `<span${attrs({ class: 'numeral', 'data-chars': Math.min([...s.numeral].length, 3) })}>${escapeMarkup(s.numeral)}</span>` : '';
}

function section(slide: Slide, content: string, extra: Record<string, string> = {}): string {
  const attributes = attrs({
    id: slide.id,
    class: `slide-${slide.kind}`,
    'data-timing': slide.seconds,
    'data-line': slide.kind === 'agenda' ? undefined : slide.line,
    ...extra,
  });
  // The frame carries the layout: reveal's print view strips sections of their padding.
  return `<section${attributes}><div class="frame">${content}</div>${notes(slide.notes)}</section>`;
}

/** Key phrases, and pictures beside them (or alone and large when there are no phrases). */
function visible(items: Visible[]): string {
  const points = items
    .filter((i) => i.kind === 'point')
    .map((i) => `<li${attrs({ class: i.depth ? `depth-${Math.min(i.depth, 3)}` : undefined })}>${breakable(i)}</li>`);
  const pictures = items.filter((i) => i.kind === 'image').map(picture);
  const list = points.length ? `<ul class="points">${points.join('')}</ul>` : '';
  if (!pictures.length) return list;
  if (!list) return `<div class="pictures alone">${pictures.join('')}</div>`;
  return `<div class="beside">${list}<div class="pictures">${pictures.join('')}</div></div>`;
}

/**
 * A picture as the loader embedded it (`src`), or one written as a data: image; its description is the
 * alt text. A picture that could not be embedded shows its description instead, never its path: the
 * offline file must not ask for any other file.
 */
function picture(item: Visible): string {
  const src = item.src ?? (item.target && /^data:image\/(png|jpeg|gif|webp);/i.test(item.target) ? item.target : undefined);
  if (!src) return `<figure class="image missing">${escapeMarkup(item.text || item.target || '')}</figure>`;
  return `<figure class="image"><img${attrs({ src, alt: item.text })}></figure>`;
}

function notes(paragraphs: Inline[]): string {
  if (!paragraphs.length) return '';
  return `<aside class="notes">${paragraphs.map((p) => `<p>${keepRunsTogether(p.html)}</p>`).join('')}</aside>`;
}
