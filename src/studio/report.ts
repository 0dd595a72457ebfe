/**
 * The report pane: what was found in the speech (the importer's report, or the structure of a speech brought as
 * Markdown) and the list of its problems, each placed by its slide and paragraph, with the characters the carried
 * faces lack once the deck is made. It folds to a one-line summary that opens on a click, and opens by itself
 * when the speech has errors. All of it goes into the page as text, in the studio's words (advice.ts).
 */
import type { Deck, Problem, Slide } from '../core/model.ts';
import { both, say } from '../core/say.ts';
import { SEVERITY } from '../core/messages.ts';
import { REPORT } from '../core/import/messages.ts';
import { deckSeconds, formatDuration, formatDurationZh } from '../core/timing.ts';
import { studioWords } from './advice.ts';
import { $, showSaid } from './dom.ts';
import { PLACE, REPORT_PANE } from './messages.ts';
import type { Source } from './source.ts';
import type { Controller, StudioState } from './state.ts';

export class Report implements Controller {
  private readonly box = $<HTMLDetailsElement>('#report-box');
  private readonly summary = $('#report-summary');
  private readonly report = $('#report');
  private readonly problems = $('#problems');
  /** The speech the report was first shown for, and its first deck: the import report's lines are that deck's. */
  private imported: { source: Source; deck: Deck } | undefined;

  constructor(private readonly state: StudioState) {}

  bind(): void {
    this.state.on('speech', () => this.showFound());
    this.state.on('made', () => this.showMissing(this.state.made!.missing));
    this.state.on('closed', () => {
      this.imported = undefined;
      this.summary.textContent = '';
      this.report.textContent = '';
      this.problems.replaceChildren();
    });
    this.problems.addEventListener('click', (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>('[data-slide]');
      if (!item) return;
      this.state.select(Number(item.dataset.slide));
      document.querySelector(`#outline .card[data-slide="${item.dataset.slide}"]`)?.scrollIntoView({ block: 'center' });
    });
  }

  private showFound(): void {
    const { source, problems } = this.state;
    const deck = this.state.deck!;
    if (source && this.imported?.source !== source) this.imported = { source, deck };
    const first = this.imported?.deck ?? deck;
    // The import report is what was found on reading; once the structure has changed, it says so above it.
    const changed = shape(first) !== shape(deck) ? `${say(REPORT_PANE.changed)}\n\n` : '';
    this.report.textContent = source?.report ? changed + importReport(source, first) : markdownReport(deck, source?.name ?? '');
    this.problems.replaceChildren(
      ...problems.map((p) => {
        const item = document.createElement('li');
        item.className = p.severity;
        const at = place(deck, p.line);
        if (at.slide >= 0) item.dataset.slide = String(at.slide);
        showSaid(item, `${at.text ? `${at.text}：` : ''}${problemWords(p, deck)}`);
        return item;
      }),
    );
    const errors = problems.filter((p) => p.severity === 'error').length;
    const seconds = deckSeconds(deck);
    const counts = [
      [REPORT_PANE.errors, errors],
      [REPORT_PANE.warnings, problems.length - errors],
      [REPORT_PANE.looks, source?.report ? lookCount(source.report) : 0],
    ] as const;
    const parts = counts.filter(([, count]) => count > 0).map(([message, count]) => both(message, { count }));
    const counted = parts.length ? { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', ') } : REPORT_PANE.noProblems;
    const values = { slides: deck.slides.length, minutes: { zh: formatDurationZh(seconds), en: formatDuration(seconds) }, problems: counted };
    this.summary.textContent = both(REPORT_PANE.summary, values).zh;
    this.summary.title = say(REPORT_PANE.summary, values);
    this.summary.dataset.open = REPORT_PANE.open.zh;
    if (errors) this.box.open = true;
  }

  private showMissing(missing: Partial<Record<string, string[]>>): void {
    const chars = [...new Set(Object.values(missing).flat())].filter((c): c is string => !!c);
    this.problems.querySelector('.missing')?.remove();
    if (!chars.length) return;
    const item = document.createElement('li');
    item.className = 'missing';
    showSaid(item, say(REPORT_PANE.missing, { chars: chars.join(' ') }));
    this.problems.append(item);
  }
}

/** How many remarks the import report lists under 请看一下 · Worth a look. */
function lookCount(report: string): number {
  const lines = report.split('\n');
  const start = lines.indexOf(say(REPORT.worthALook));
  if (start < 0) return 0;
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.trim() !== say(REPORT.nothing)).length;
}

/** The slides' kinds and headings, which the structure buttons change. */
const shape = (deck: Deck) => deck.slides.map((s) => `${s.kind}:${s.heading.text}`).join('\n');

/** `错误 error: 中文 · English`, in the studio's words. */
function problemWords(problem: Problem, deck: Deck): string {
  const { zh, en } = SEVERITY[problem.severity];
  return `${zh} ${en}: ${studioWords(problem.message, deck)}`;
}

/**
 * Where a line of the Markdown is, as a person finds it in the studio: the slide it is on, by its number and
 * heading, and the paragraph of the slide's spoken text it starts, by its number.
 */
export function place(deck: Deck, line: number): { slide: number; text: string } {
  const index = deck.slides.findLastIndex((s) => s.kind !== 'agenda' && s.line <= line);
  const slide = deck.slides[index];
  if (!slide) return { slide: -1, text: '' };
  const heading = label(slide);
  const paragraph = slide.notes.findIndex((n) => n.line === line);
  if (slide.kind !== 'title' && paragraph >= 0) return { slide: index, text: both(PLACE.paragraph, { n: index + 1, heading, p: paragraph + 1 }).zh };
  return { slide: index, text: both(PLACE.slideHeading, { n: index + 1, heading }).zh };
}

function label(slide: Slide): string {
  if (slide.kind === 'opening') return REPORT_PANE.opening.zh;
  if (slide.kind === 'closing') return REPORT_PANE.closing.zh;
  return slide.heading.text;
}

/**
 * The importer's report as the studio shows it: in its words, with each `speech.md:12:` (a line of the Markdown
 * the clerk never sees) made the slide and paragraph it is, and `file.docx:12:` the paragraph of the original.
 */
export function importReport(source: Source, deck: Deck): string {
  // The first line names the Markdown file the CLI writes, which the studio keeps to itself.
  const text = studioWords(source.report, deck).replace(/^([^\n]*?) → [^\n]*/, '$1');
  const name = escapeRegExp(source.name);
  return text
    .split('\n')
    .map((row) =>
      row
        .replace(/^(\s*)[^\s:][^:\n]*\.md:(\d+): /, (_, indent: string, line: string) => `${indent}${place(deck, Number(line)).text}：`)
        .replace(
          new RegExp(`^(\\s*)${name}:(\\d+): `),
          (_, indent: string, n: string) => `${indent}${both(PLACE.original, { n, unit: REPORT[source.unit ?? 'paragraph'] }).zh}：`,
        ),
    )
    .join('\n');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The structure of a speech brought as Markdown, in the import report's form, with slides by their numbers. */
function markdownReport(deck: Deck, name: string): string {
  const out = [say(REPORT_PANE.source, { name }), ''];
  const number = (slide: Slide) => both(PLACE.slide, { n: deck.slides.indexOf(slide) + 1 }).zh;
  const row = (label: { zh: string; en: string }, slide: Slide, text: string) => out.push(`  ${say(label).padEnd(16)} ${number(slide).padStart(6)}  ${text}`);
  row(REPORT_PANE.title, deck.title, deck.title.heading.text);
  if (deck.opening) row(REPORT_PANE.opening, deck.opening, deck.opening.notes[0]?.text.slice(0, 24) ?? '');
  for (const section of deck.sections) {
    row(REPORT_PANE.section, section.opener, section.opener.heading.text);
    for (const point of section.points) row({ zh: `  ${REPORT_PANE.point.zh}`, en: REPORT_PANE.point.en }, point, point.heading.text);
  }
  if (deck.closing) row(REPORT_PANE.closing, deck.closing, deck.closing.notes[0]?.text.slice(0, 24) ?? '');
  const seconds = deckSeconds(deck);
  out.push(
    '',
    say(REPORT_PANE.slides, { slides: deck.slides.length, minutes: { zh: formatDurationZh(seconds), en: formatDuration(seconds) }, rate: deck.meta.rate }),
  );
  return out.join('\n');
}
