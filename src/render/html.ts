import { attrs, escapeHtml } from './escape.ts';
import { SLIDE_LABELS } from '../core/labels.ts';
import type { Deck, Inline, Section, Slide, Visible } from '../core/model.ts';


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
  }
}

const PLACEHOLDER = {
  title: '<!--speech-deck:title-->',
  deck: '<!--speech-deck:deck-->',
} as const;

/** Puts a rendered deck into the HTML page template at its two placeholders. */
export function fillTemplate(template: string, deck: RenderedDeck): string {
  const body = `<div class="reveal"${attrs({ 'data-theme': deck.theme })}><div class="slides">\n${deck.slides}\n</div></div>`;
  // Function replacers, so that `$&` and friends in author text are not expanded.
  return template.replace(PLACEHOLDER.title, () => escapeHtml(deck.title)).replace(PLACEHOLDER.deck, () => body);
}

function titleSlide(deck: Deck): string {
  const { meta, title } = deck;
  const speaker = meta.speaker ? `<p class="speaker">${escapeHtml(meta.speaker)}</p>` : '';
  const parts = [meta.occasion, meta.date].filter(Boolean).map((text) => `<span>${escapeHtml(text)}</span>`);
  const occasion = parts.length ? `<p class="occasion">${parts.join('')}</p>` : '';
  return section(title, `<h1>${breakable(title.heading.html)}</h1>${speaker}${occasion}`);
}

function agendaSlide(slide: Slide, deck: Deck): string {
  const items = deck.sections
    .map((s) => `<li><a${attrs({ href: `#/${s.opener.id}` })}>${numeral(s)}<span class="agenda-title">${s.title.html}</span></a></li>`)
    .join('');
  return section(slide, `<h2>${slide.heading.html}</h2><ol class="agenda">${items}</ol>`);
}

function openerSlide(slide: Slide, s: Section, deck: Deck): string {
  return section(slide, `${numeral(s)}<div class="section-body"><h2 class="section-title">${breakable(s.title.html)}</h2>${visible(slide.visible)}</div>`);
}

function pointSlide(slide: Slide, s: Section, deck: Deck): string {
  return section(slide, `<p class="running-head">${s.opener.heading.html}</p><h2>${breakable(slide.heading.html)}</h2>${visible(slide.visible)}`);
}

function contentSlide(slide: Slide, deck: Deck, label: string): string {
  return section(slide, `<p class="running-head">${escapeHtml(deck.meta.title)}</p><h2>${label}</h2>${visible(slide.visible)}`);
}

// After a pause mark, or between a closing and an opening quote or bracket (“…”“…”, 》《).
const PHRASE_END = /(<[^>]*>)|([，、；：。！？]|[”’》）」](?=[“‘《（「]))/g;

/** Marks phrase boundaries as the places a heading or key phrase may wrap (the theme keeps words whole). */
function breakable(html: string): string {
  return html.replace(PHRASE_END, (_, tag: string | undefined, mark: string) => tag ?? `${mark}<wbr>`);
}

function numeral(s: Section): string {
  return s.numeral ? `<span class="numeral">${escapeHtml(s.numeral)}</span>` : '';
}

function section(slide: Slide, content: string): string {
  const attributes = attrs({ id: slide.id, class: `slide-${slide.kind}`, 'data-timing': slide.seconds, 'data-line': slide.kind === 'agenda' ? undefined : slide.line });
  // The frame carries the layout: reveal's print view strips sections of their padding.
  return `<section${attributes}><div class="frame">${content}</div>${notes(slide.notes)}</section>`;
}

function visible(items: Visible[]): string {
  if (!items.length) return '';
  const images = items.filter((i) => i.kind === 'image').map((i) => `<figure class="image">${i.html}</figure>`);
  const points = items.filter((i) => i.kind === 'point').map((i) => `<li${attrs({ class: i.depth ? `depth-${Math.min(i.depth, 3)}` : undefined })}>${breakable(i.html)}</li>`);
  return `${points.length ? `<ul class="points">${points.join('')}</ul>` : ''}${images.join('')}`;
}

function notes(paragraphs: Inline[]): string {
  if (!paragraphs.length) return '';
  return `<aside class="notes">${paragraphs.map((p) => `<p>${p.html}</p>`).join('')}</aside>`;
}
