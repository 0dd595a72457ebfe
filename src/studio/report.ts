/**
 * The report pane: what was found in the speech (the importer's report, or the structure of a speech brought as
 * Markdown) and the list of its problems, each placed by its slide and line, with the characters the carried
 * faces lack once the deck is made. All of it goes into the page as text.
 */
import { SLIDE_LABELS } from '../core/labels.ts';
import type { Deck, Slide } from '../core/model.ts';
import { deckSeconds, formatDuration, formatDurationZh } from '../core/timing.ts';
import { $ } from './dom.ts';
import type { Controller, StudioState } from './state.ts';

export class Report implements Controller {
  private readonly report = $('#report');
  private readonly problems = $('#problems');

  constructor(private readonly state: StudioState) {}

  bind(): void {
    this.state.on('speech', () => this.showFound());
    this.state.on('made', () => this.showMissing(this.state.made!.missing));
    this.state.on('closed', () => {
      this.report.textContent = '';
      this.problems.replaceChildren();
    });
  }

  private showFound(): void {
    const { source, problems } = this.state;
    const deck = this.state.deck!;
    this.report.textContent = source?.report || markdownReport(deck, source?.name ?? '');
    this.problems.replaceChildren(
      ...problems.map((p) => {
        const item = document.createElement('li');
        item.className = p.severity;
        item.textContent = `${where(deck, p.line)}：${p.severity === 'error' ? '错误 · error' : '提示 · warning'}: ${p.message}`;
        return item;
      }),
    );
  }

  private showMissing(missing: Partial<Record<string, string[]>>): void {
    const chars = [...new Set(Object.values(missing).flat())].filter((c): c is string => !!c);
    this.problems.querySelector('.missing')?.remove();
    if (!chars.length) return;
    const item = document.createElement('li');
    item.className = 'missing';
    item.textContent = `这些字不在工作台自带的常用字字体里，保存的幻灯片会用电脑自带的字体显示它们：${chars.join(' ')} · These characters are not in the studio's fonts; the deck shows them in a system font.`;
    this.problems.append(item);
  }
}

/** Where a problem is, as a person finds it: the slide it is on, by its heading, and the line of the Markdown. */
function where(deck: Deck, line: number): string {
  const slide = [...deck.slides].reverse().find((s) => s.kind !== 'agenda' && s.line <= line);
  const label = slide ? (slide.kind === 'opening' || slide.kind === 'closing' ? SLIDE_LABELS[slide.kind] : slide.heading.text) : '';
  return `${label ? `「${label}」` : ''}Markdown 第 ${line} 行`;
}

/** The structure of a speech brought as Markdown, in the import report's form. */
function markdownReport(deck: Deck, name: string): string {
  const out = [`来源 · Source: ${name}（Markdown，按原样使用 · used as written）`, ''];
  const row = (label: string, slide: Slide, text: string) => out.push(`  ${label.padEnd(16)} ${String(slide.line).padStart(4)}  ${text}`);
  row('标题 · title', deck.title, deck.title.heading.text);
  if (deck.opening) row('开场 · opening', deck.opening, deck.opening.notes[0]?.text.slice(0, 24) ?? '');
  for (const section of deck.sections) {
    row('部分 · section', section.opener, section.opener.heading.text);
    for (const point of section.points) row('  小点 · point', point, point.heading.text);
  }
  if (deck.closing) row('结语 · closing', deck.closing, deck.closing.notes[0]?.text.slice(0, 24) ?? '');
  const seconds = deckSeconds(deck);
  out.push(
    '',
    `${deck.slides.length} 张幻灯片，预计讲话约 ${formatDurationZh(seconds)}（每分钟 ${deck.meta.rate} 字）· ${deck.slides.length} slides, about ${formatDuration(seconds)} of speaking`,
  );
  return out.join('\n');
}
