/**
 * The proofreading pane: what the rules of `speech-deck check` find in the speech, worded as `check` words it,
 * Chinese first, each quoting the flagged words with the characters around them. A click on one shows its slide
 * and scrolls to its paragraph in the slide-by-slide check. All of it goes into the page as text.
 */
import type { Deck, Slide } from '../core/model.ts';
import type { Finding } from '../proofread/index.ts';
import { fill, say } from '../core/say.ts';
import { $, showSaid } from './dom.ts';
import { FINDINGS_PANE, PLACE, REPORT_PANE } from './messages.ts';
import type { Controller, StudioState } from './state.ts';

export class Findings implements Controller {
  private readonly pane = $('#findings-pane');
  private readonly list = $('#findings');
  private readonly summary = $('#findings-summary');
  private readonly bar = $<HTMLProgressElement>('#findings-progress');

  constructor(private readonly state: StudioState) {}

  bind(): void {
    this.state.on('findings', () => this.show());
    this.state.on('speech', () => this.show());
    // A speech put away takes its findings with it: none of them may stand beside the next one's.
    this.state.on('closed', () => {
      this.list.replaceChildren();
      this.pane.hidden = true;
    });
  }

  private show(): void {
    const { findings, deck, proofread } = this.state;
    this.pane.hidden = false;
    this.pane.dataset.state = findings ? 'done' : 'working';
    this.bar.hidden = !!findings;
    this.bar.value = proofread;
    if (!findings) {
      showSaid(this.summary, say(FINDINGS_PANE.working, { percent: Math.round(proofread * 100) }));
      // The list of the version before is kept until this one's is found, greyed by the style sheet.
      return;
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    showSaid(
      this.summary,
      findings.length ? say(FINDINGS_PANE.found, { count: findings.length, errors, warnings: findings.length - errors }) : say(FINDINGS_PANE.nothing),
    );
    this.list.replaceChildren(...findings.map((finding) => this.item(finding, deck)));
  }

  private item(finding: Finding, deck: Deck | undefined): HTMLLIElement {
    const item = document.createElement('li');
    item.className = finding.severity;
    item.dataset.finding = finding.rule;
    item.dataset.line = String(finding.line);
    item.tabIndex = 0;
    item.setAttribute('role', 'button');
    const at = finding.message.indexOf(' · ');
    const zh = at < 0 ? finding.message : finding.message.slice(0, at);
    const en = at < 0 ? '' : finding.message.slice(at + 3);
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${place(deck, finding.line)} · ${FINDINGS_PANE[finding.severity === 'error' ? 'error' : 'warning'].zh}：`;
    const said = document.createElement('span');
    said.className = 'said';
    said.textContent = zh;
    const english = document.createElement('span');
    english.className = 'en';
    english.textContent = `${finding.severity} · ${en} [${finding.rule}]`;
    // Spaces between the parts, so that the finding reads as one line where it is copied or read aloud.
    item.append(where, ' ', said, ' ', context(this.state.markdown, finding), ' ', english);
    const go = () => this.reveal(finding.line);
    item.addEventListener('click', go);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        go();
      }
    });
    return item;
  }

  /** Shows the slide the line is on and scrolls the slide-by-slide check to its paragraph, phrase or heading. */
  private reveal(line: number): void {
    const { deck } = this.state;
    if (!deck) return;
    const index = slideAt(deck, line);
    if (index < 0) return;
    this.state.select(index);
    const slide = deck.slides[index]!;
    const card = document.querySelector<HTMLElement>(`#outline [data-slide="${index}"]`);
    if (!card) return;
    const phrase = slide.visible.findIndex((v) => v.line === line);
    let target: HTMLElement | null = null;
    if (line === slide.line) target = card.querySelector(`[data-key="${CSS.escape(`${slide.id}:heading`)}"]`);
    else if (phrase >= 0) target = card.querySelector(`[data-key="${CSS.escape(`${slide.id}:phrase:${phrase}`)}"]`);
    else {
      const note = slide.notes.findLastIndex((n) => n.line <= line);
      const details = card.querySelector<HTMLDetailsElement>('details.notes');
      if (details && note >= 0) {
        details.open = true;
        target = details.querySelectorAll('p')[note] ?? null;
      }
    }
    const shown = target ?? card;
    shown.scrollIntoView({ block: 'center' });
    shown.classList.add('found');
    setTimeout(() => shown.classList.remove('found'), 2400);
  }
}

/** The words around the place a finding points at, as they stand in the speech, the first character marked. */
function context(markdown: string, finding: Finding): HTMLElement {
  const line = markdown.split('\n')[finding.line - 1] ?? '';
  const at = [...line.slice(0, finding.column - 1)].length;
  const chars = [...line];
  const before = chars.slice(Math.max(0, at - CONTEXT), at).join('');
  const mark = document.createElement('mark');
  mark.textContent = chars[at] ?? '';
  const span = document.createElement('span');
  span.className = 'context';
  span.append(
    `${FINDINGS_PANE.text.zh} · ${FINDINGS_PANE.text.en}：“${at > CONTEXT ? '……' : ''}${before}`,
    mark,
    `${chars.slice(at + 1, at + 1 + CONTEXT).join('')}${at + 1 + CONTEXT < chars.length ? '……' : ''}”`,
  );
  return span;
}

/** Characters shown on each side of a finding's place. */
const CONTEXT = 8;

/** The slide a line of the Markdown is on: the last (not the agenda) that starts at or before it. */
function slideAt(deck: Deck, line: number): number {
  let found = -1;
  deck.slides.forEach((slide, i) => {
    if (slide.kind !== 'agenda' && lineOf(slide) <= line && (found < 0 || lineOf(slide) >= lineOf(deck.slides[found]!))) found = i;
  });
  return found;
}

const lineOf = (slide: Slide) => slide.line;

/** Where a finding is, as a person finds it: the slide's heading, or what kind of slide it is. */
function place(deck: Deck | undefined, line: number): string {
  const index = deck ? slideAt(deck, line) : -1;
  if (!deck || index < 0) return fill(FINDINGS_PANE.line.zh, { n: line });
  const slide = deck.slides[index]!;
  const heading = slide.kind === 'opening' ? REPORT_PANE.opening.zh : slide.kind === 'closing' ? REPORT_PANE.closing.zh : slide.heading.text;
  return fill(PLACE.slideHeading.zh, { n: index + 1, heading });
}
