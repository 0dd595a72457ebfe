/**
 * The slide-by-slide check: each slide's heading and key phrases as fields to edit, its spoken text read-only.
 * Author text only ever goes into the page as text (textContent, input values), never as markup.
 */
import { SLIDE_LABELS } from '../core/labels.ts';
import type { Deck, Slide } from '../core/model.ts';
import { formatDuration, formatDurationZh } from '../core/timing.ts';
import { lineSource } from './markdown-edit.ts';
import { ACTIONS, OUTLINE } from './messages.ts';
import { paragraphActions, slideActions, type Action, type Target } from './structure.ts';
import { both, say } from '../core/say.ts';

export interface OutlineHandlers {
  heading(slide: Slide, text: string): void;
  phrase(line: number, text: string): void;
  remove(line: number): void;
  add(slide: Slide): void;
  select(index: number): void;
  /** A structure action (structure.ts) at a slide or one of its paragraphs. */
  act(action: Action, target: Target): void;
}

/** A button for a structure action: its label, what it does as its tooltip, and the action as `data-act`. */
function actionButton(action: Action, target: Target, on: OutlineHandlers): HTMLButtonElement {
  const button = element('button', { type: 'button', className: 'act', textContent: ACTIONS[action].zh, title: say(ACTIONS[action]) });
  button.dataset.act = action;
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    on.act(action, target);
  });
  return button;
}

const KIND_LABEL: Record<Slide['kind'], string> = {
  title: OUTLINE.title.zh,
  opening: OUTLINE.opening.zh,
  agenda: OUTLINE.agenda.zh,
  section: OUTLINE.section.zh,
  point: OUTLINE.point.zh,
  closing: OUTLINE.closing.zh,
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function field(value: string, label: string, key: string, commit: (text: string) => void, className = ''): HTMLInputElement {
  const input = element('input', { type: 'text', value, className });
  input.setAttribute('aria-label', label);
  input.dataset.key = key;
  input.addEventListener('change', () => commit(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') input.blur();
  });
  return input;
}

function kindLabel(slide: Slide, deck: Deck): string {
  if (slide.kind === 'agenda') return slide.heading.text;
  const numeral = slide.kind === 'section' ? deck.sections[slide.section!]!.numeral : '';
  if (numeral) return both(OUTLINE.numberedSection, { numeral }).zh;
  return KIND_LABEL[slide.kind];
}

/** Renders the outline of `deck` into `list`, keeping focus on the same field across re-renders. */
export function renderOutline(list: HTMLElement, deck: Deck, markdown: string, current: number, on: OutlineHandlers, open: readonly string[] = []): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
  // The spoken text stays open where it was open (by the slide's id), and on the slides `open` names.
  const opened = new Set([...list.querySelectorAll<HTMLElement>('.card:has(> details.notes[open])')].map((card) => card.dataset.id!));
  for (const id of open) opened.add(id);
  const cards = deck.slides.map((slide, index) => {
    const card = element('li', { className: `card${index === current ? ' current' : ''}` });
    card.dataset.kind = slide.kind;
    card.dataset.slide = String(index);
    card.dataset.id = slide.id;
    const time = { zh: formatDurationZh(slide.seconds), en: formatDuration(slide.seconds) };
    const where = both(slide.kind === 'agenda' ? OUTLINE.whereAgenda : OUTLINE.where, { n: index + 1, time }).zh;
    const head = element(
      'div',
      { className: 'card-head' },
      element('span', { className: 'kind' }, kindLabel(slide, deck)),
      element('span', { className: 'where' }, where),
    );
    const acts = slideActions(markdown, deck, slide);
    if (acts.length) head.insertBefore(element('span', { className: 'acts' }, ...acts.map((a) => actionButton(a, { slide: index }, on))), head.lastChild);
    head.addEventListener('click', () => on.select(index));
    card.addEventListener('focusin', () => on.select(index));
    card.append(head);

    if (slide.kind === 'title' || slide.kind === 'section' || slide.kind === 'point') {
      card.append(field(lineSource(markdown, slide.line), say(OUTLINE.heading), `${slide.id}:heading`, (text) => on.heading(slide, text), 'heading'));
    } else {
      card.append(element('div', { className: 'fixed' }, slide.kind === 'agenda' ? slide.heading.text : SLIDE_LABELS[slide.kind]));
    }

    if (slide.kind === 'agenda') {
      card.append(
        element(
          'ol',
          { className: 'phrases' },
          ...(slide.agenda?.sections ?? deck.sections.map((_, i) => i)).map((i) => {
            const s = deck.sections[i]!;
            return element('li', {}, `${s.numeral ? `${s.numeral}、` : ''}${s.title.text}`);
          }),
        ),
      );
      return card;
    }
    if (slide.kind !== 'title') {
      const phrases = element('ul', { className: 'phrases' });
      slide.visible.forEach((item, i) => {
        if (item.kind === 'image') {
          phrases.append(element('li', { className: 'image' }, say(OUTLINE.picture, { text: item.text || OUTLINE.noCaption.zh })));
          return;
        }
        const remove = element('button', { type: 'button', textContent: '×', title: say(OUTLINE.remove) });
        remove.setAttribute('aria-label', OUTLINE.remove.zh);
        remove.addEventListener('click', () => on.remove(item.line));
        phrases.append(
          element(
            'li',
            {},
            field(lineSource(markdown, item.line), say(OUTLINE.phrase, { n: i + 1 }), `${slide.id}:phrase:${i}`, (text) =>
              text.trim() ? on.phrase(item.line, text) : on.remove(item.line),
            ),
            remove,
          ),
        );
      });
      const add = element('button', { type: 'button', className: 'add', textContent: `＋ ${OUTLINE.add.zh}`, title: say(OUTLINE.add) });
      add.addEventListener('click', () => on.add(slide));
      card.append(phrases, add);
    }
    if (slide.notes.length) {
      const chars = slide.notes.reduce((n, p) => n + p.text.length, 0);
      const notes = element(
        'details',
        { className: 'notes', open: opened.has(slide.id) },
        element('summary', { title: say(OUTLINE.spoken, { chars }) }, OUTLINE.spoken.zh.replace('{chars}', String(chars))),
        ...slide.notes.map((p, i) => {
          const paragraph = element('div', { className: 'paragraph' }, element('p', {}, p.text));
          paragraph.dataset.paragraph = String(i);
          const acts = paragraphActions(deck, slide, i);
          if (acts.length) paragraph.append(element('div', { className: 'acts' }, ...acts.map((a) => actionButton(a, { slide: index, paragraph: i }, on))));
          return paragraph;
        }),
      );
      card.append(notes);
    }
    return card;
  });
  list.replaceChildren(...cards);
  if (focused) (list.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
}

/** Marks the card of the slide being shown. */
export function markCurrent(list: HTMLElement, index: number): void {
  for (const card of list.querySelectorAll<HTMLElement>('.card')) card.classList.toggle('current', card.dataset.slide === String(index));
}
