/**
 * Editing the speech: the outline of its slides, whose headings and key phrases are fields (outline.ts), and the
 * theme. Each edit is a change to one line of the Markdown (markdown-edit.ts), which the making takes as a new
 * version; the spoken text is never edited here.
 */
import type { Slide, ThemeName } from '../core/model.ts';
import { $ } from './dom.ts';
import type { Making } from './making.ts';
import { addItem, isBlockStart, removeItem, setHeading, setItem, setTheme, startList } from './markdown-edit.ts';
import { markCurrent, renderOutline, type OutlineHandlers } from './outline.ts';
import { ACTIONS, OUTLINE } from './messages.ts';
import type { Status } from './status.ts';
import { apply, shownAfter, type Action, type Target } from './structure.ts';
import { say } from '../core/say.ts';
import type { Controller, StudioState } from './state.ts';

export class Editing implements Controller {
  private readonly outline = $('#outline');
  private readonly theme = $<HTMLFieldSetElement>('fieldset.theme');

  /** What each field and button of the outline does. */
  private readonly handlers: OutlineHandlers = {
    heading: (slide, text) => {
      // An emptied heading is not taken: the field shows the heading again.
      if (text.trim()) void this.edit(setHeading(this.state.markdown, slide.line, text));
      else this.render();
    },
    phrase: (line, text) => void this.edit(setItem(this.state.markdown, line, text)),
    remove: (line) => void this.edit(removeItem(this.state.markdown, line)),
    add: (slide) => this.addPhrase(slide),
    select: (index) => this.state.select(index),
    act: (action, target) => this.act(action, target),
  };
  /** Slides whose spoken text is shown open at the next render: the one an action made or changed. */
  private open: string[] = [];

  constructor(
    private readonly state: StudioState,
    private readonly making: Making,
    private readonly status: Status,
  ) {}

  bind(): void {
    this.state.on('speech', () => {
      this.render();
      for (const radio of this.theme.querySelectorAll<HTMLInputElement>('input')) radio.checked = radio.value === this.state.deck!.meta.theme;
      this.theme.disabled = false;
    });
    this.state.on('closed', () => {
      this.outline.replaceChildren();
      this.theme.disabled = true;
    });
    this.state.on('slide', () => markCurrent(this.outline, this.state.current));
    this.theme.addEventListener('change', (event) => {
      const value = (event.target as HTMLInputElement).value as ThemeName;
      const { deck, markdown } = this.state;
      if (deck && value !== deck.meta.theme) void this.edit(setTheme(markdown, value));
    });
  }

  private render(): void {
    renderOutline(this.outline, this.state.deck!, this.state.markdown, this.state.current, this.handlers, this.open);
    this.open = [];
  }

  /** Takes the edited Markdown as the next version; resolves once its deck is made (or found to have errors). */
  private edit(next: string): Promise<void> {
    const work = this.making.update(next);
    // A save waits for it (state.settled): an edit made by the click on a save button is in what it saves.
    this.state.track(work);
    return work;
  }

  /**
   * Changes the structure (structure.ts) and shows the slide it gives: the one the paragraph now starts, or the
   * one a slide was merged into. Refused, and said so, where the spoken text or the speech's soundness would suffer.
   */
  private act(action: Action, target: Target): void {
    const { deck, markdown } = this.state;
    if (!deck) return;
    const outcome = apply(markdown, deck, action, target);
    if (!outcome.ok) {
      this.status.show('error', say(outcome.why === 'text' ? ACTIONS.refusedText : ACTIONS.refusedErrors));
      return;
    }
    const shown = outcome.deck.slides[shownAfter(deck, outcome.deck, action, target)];
    this.open = shown ? [shown.id] : [];
    void this.edit(outcome.markdown).then(() => {
      const card = shown && this.outline.querySelector<HTMLElement>(`.card[data-id="${CSS.escape(shown.id)}"]`);
      if (!card) return;
      this.state.select(Number(card.dataset.slide));
      card.scrollIntoView({ block: 'nearest' });
    });
  }

  /** Adds a placeholder key phrase at the end of a slide's list (starting the list if it has none), ready to type over. */
  private addPhrase(slide: Slide): void {
    const { markdown } = this.state;
    const last = [...slide.visible].reverse().find((v) => v.kind === 'point');
    const placeholder = OUTLINE.newPhrase.zh;
    let next: string;
    if (last) next = addItem(markdown, last.line, placeholder);
    else if (slide.kind === 'section' || slide.kind === 'point' || isBlockStart(markdown, slide.line)) next = startList(markdown, slide.line + 1, placeholder);
    else next = startList(markdown, slide.line, placeholder);
    const count = slide.visible.filter((v) => v.kind === 'point').length;
    void this.edit(next).then(() => {
      const field = this.outline.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(`${slide.id}:phrase:${count}`)}"]`);
      field?.focus();
      field?.select();
    });
  }
}
