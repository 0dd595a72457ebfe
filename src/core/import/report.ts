/**
 * What `speech-deck import` prints: the tree found with its source lines and the rule that found each part,
 * the speaking time, what deserves a look (as `file:line:` so terminals link to it), and the drafted phrases,
 * in Chinese and English.
 */
import { spokenSlides, type Problem } from '../model.ts';
import { type Message, say } from '../say.ts';
import { deckSeconds, formatDuration, formatDurationZh, spokenCharacters } from '../timing.ts';
import type { Imported } from './imported.ts';
import { FOUND, REPORT } from './messages.ts';
import { problemLine, problemText } from '../messages.ts';
import { reviewItems } from './review-report.ts';
import type { WordReview } from './source.ts';
import { LONG_SLIDE, type Heading, type Notice, type SlideRef } from './structure.ts';
import { slideKey } from './write.ts';

export interface ReportOptions {
  /** The source file as the user should see it. */
  source: string;
  /** The Markdown file written (or that would be written). */
  output: string;
  /** What the source's numbers count: lines of a text file, paragraphs of a Word file. */
  unit: 'line' | 'paragraph';
  /** Remarks from reading the file (encoding, pictures, tables), by source line. */
  notices?: readonly Notice[];
  /** Problems found reading the file, e.g. its encoding. */
  problems?: readonly Problem[];
  /** What a Word file held besides its spoken text. */
  review?: WordReview;
}

/** What the source's numbers count, in both languages: 行 · line, 段 · paragraph. */
export function unitWords(unit: ReportOptions['unit']): { unit: Message } {
  return { unit: REPORT[unit] };
}

/** The report for one import, as lines of text. */
export function importReport(imported: Imported, options: ReportOptions): string {
  const { tree, deck } = imported;
  const out: string[] = [`${say(REPORT.imported)}: ${options.source} → ${options.output}`, ''];

  out.push(say(REPORT.structure, unitWords(options.unit)));
  const row = (label: string, line: number | string, text: string, how: string) =>
    out.push(`  ${label.padEnd(16)} ${String(line).padStart(4)}  ${text}${how ? `  〔${how}〕` : ''}`);
  const how = (h: Heading) => say(FOUND[h.found]);
  row(say(REPORT.title), tree.title.line, tree.title.text, how(tree.title));
  for (const m of tree.meta) row(say(REPORT[m.key]), m.line, m.value, say(REPORT.frontMatter));
  if (tree.occasionFromTitle) row(say(REPORT.occasion), '', tree.occasionFromTitle, say(REPORT.fromTitle));
  if (tree.opening) row(say(REPORT.opening), tree.opening.line, excerpt(tree.opening.paragraphs), '');
  tree.sections.forEach((section) => {
    row(say(REPORT.section), section.heading.line, section.heading.text, how(section.heading));
    for (const point of section.points) row(`  ${say(REPORT.point)}`, point.heading.line, point.heading.text, how(point.heading));
  });
  if (tree.closing) row(say(REPORT.closing), tree.closing.line, excerpt(tree.closing.paragraphs), say(REPORT.startsWith, { cue: tree.closing.cue }));
  out.push('');

  const slides = countSlides(imported);
  const seconds = deckSeconds(deck);
  out.push(say(REPORT.slides, { slides, minutes: { zh: formatDurationZh(seconds), en: formatDuration(seconds) }, rate: deck.meta.rate }), '');

  const look = lookItems(imported, options);
  out.push(say(REPORT.worthALook), ...look.map((l) => `  ${l}`), '');

  out.push(say(REPORT.drafted));
  for (const { ref, label } of phraseSlidesInOrder(imported)) {
    const phrases = imported.phrases.get(slideKey(ref)) ?? [];
    out.push(`  ${label}`, ...phrases.map((p) => `    - ${p}`));
  }
  return out.join('\n');
}

function lookItems(imported: Imported, options: ReportOptions): string[] {
  const { tree, deck } = imported;
  const items: string[] = [];
  const at = (line: number) => `${options.output}:${line}: `;
  const mdLine = (ref: SlideRef | undefined) => imported.lines.find((l) => ref && slideKey(l.ref) === slideKey(ref));
  for (const p of options.problems ?? []) items.push(problemLine(`${options.source}:${p.line}`, p));
  // A remark about a slide points to its heading; one about a paragraph, to where that paragraph went.
  const place = (n: Notice) => {
    const line = mdLine(n.slide)?.heading ?? imported.sourceLines.get(n.line);
    return line ? at(line) : `${options.source}:${n.line}: `;
  };
  for (const n of [...(options.notices ?? []), ...tree.notices]) items.push(`${place(n)}${n.zh} · ${n.en}`);
  for (const m of tree.meta)
    items.push(`${options.source}:${m.line}: ${say(REPORT.metaLine, { ...unitWords(options.unit), line: m.line, text: m.text, key: m.key })}`);
  for (const l of imported.lines) {
    const slide = slideOf(imported, l.ref);
    const chars = slide ? spokenCharacters(slide.notes.map((n) => n.text).join('')) : 0;
    if (chars > LONG_SLIDE) items.push(`${at(l.heading)}${say(REPORT.longSlide, { chars, minutes: Math.round(chars / deck.meta.rate) })}`);
  }
  for (const p of deck.problems) items.push(`${at(p.line)}${problemText(p)}`);
  const first = imported.lines.find((l) => (imported.phrases.get(slideKey(l.ref)) ?? []).length);
  const drafted = [...imported.phrases.values()].reduce((n, p) => n + p.length, 0);
  if (first) items.push(`${at(first.phrases)}${say(REPORT.phrasesDrafted, { count: drafted })}`);
  const few = imported.lines.filter((l) => l.ref.kind !== 'title' && (imported.phrases.get(slideKey(l.ref))?.length ?? 2) < 2);
  if (few.length) items.push(`${at(few[0]!.heading)}${say(REPORT.fewPhrases, { count: few.length, where: few.map((l) => l.heading).join(', ') })}`);
  if (options.review) for (const item of reviewItems(options.review)) items.push(`${place(item)}${item.zh} · ${item.en}`);
  if (!items.length) items.push(say(REPORT.nothing));
  return items;
}

function slideOf(imported: Imported, ref: SlideRef) {
  const { deck } = imported;
  if (ref.kind === 'title') return deck.title;
  if (ref.kind === 'opening') return deck.opening;
  if (ref.kind === 'closing') return deck.closing;
  if (ref.kind === 'section') return deck.sections[ref.section]?.opener;
  return deck.sections[ref.section]?.points[ref.point];
}

function phraseSlidesInOrder(imported: Imported): Array<{ ref: SlideRef; label: string }> {
  const { tree } = imported;
  const found: Array<{ ref: SlideRef; label: string }> = [];
  if (tree.opening) found.push({ ref: { kind: 'opening' }, label: say(REPORT.opening) });
  tree.sections.forEach((section, s) => {
    found.push({ ref: { kind: 'section', section: s }, label: section.heading.text });
    section.points.forEach((point, p) => found.push({ ref: { kind: 'point', section: s, point: p }, label: `  ${point.heading.text}` }));
  });
  if (tree.closing) found.push({ ref: { kind: 'closing' }, label: say(REPORT.closing) });
  return found;
}

/** Slides as the deck shows them: title, opening, agenda (when there are sections), sections and points, closing. */
export function countSlides({ deck }: Imported): number {
  const spoken = spokenSlides(deck).length;
  return spoken + (deck.sections.length ? 1 : 0);
}

function excerpt(paragraphs: Imported['tree']['sections'][number]['intro']['paragraphs']): string {
  const text = paragraphs.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('');
  return text.length > 24 ? `${text.slice(0, 24)}……` : text;
}
