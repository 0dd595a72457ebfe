/**
 * What `speech-deck import` prints: the tree found with its source lines and the rule that found each part,
 * the speaking time, what deserves a look (as `file:line:` so terminals link to it), and the drafted phrases,
 * in Chinese and English.
 */
import { spokenSlides, type Problem } from '../model.ts';
import { deckSeconds, formatDuration, formatDurationZh, spokenCharacters } from '../timing.ts';
import type { Imported } from './imported.ts';
import { LONG_SLIDE, type FoundBy, type Heading, type Notice, type SlideRef } from './structure.ts';
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
}

const FOUND: Record<FoundBy, [string, string]> = {
  'title-style': ['Word 标题样式', "Word's Title style"],
  'first-line': ['第一行', 'the first line'],
  'first-sentence': ['第一句（原文没有标题行）', 'the first sentence (no title line)'],
  'heading-style': ['Word 标题样式', "Word's heading style"],
  numbered: ['编号', 'its number'],
  ordinal: ['一是、二是', '一是, 二是'],
  bold: ['加粗的首句', 'a bold lead sentence'],
  parallel: ['并列短句', 'parallel short sentences'],
  cue: ['结语开头的词', 'a closing cue word'],
};

const WHERE: Record<ReportOptions['unit'], [string, string]> = { line: ['行', 'line'], paragraph: ['段', 'paragraph'] };

/** The report for one import, as lines of text. */
export function importReport(imported: Imported, options: ReportOptions): string {
  const { tree, deck } = imported;
  const [zhUnit, enUnit] = WHERE[options.unit];
  const out: string[] = [`导入 · Imported: ${options.source} → ${options.output}`, ''];

  out.push(`找到的结构（数字是原文的第几${zhUnit}）· Structure found (numbers are ${enUnit}s of the original):`);
  const row = (label: string, line: number | string, text: string, how: string) =>
    out.push(`  ${label.padEnd(16)} ${String(line).padStart(4)}  ${text}${how ? `  〔${how}〕` : ''}`);
  const how = (h: Heading) => FOUND[h.found].join(' · ');
  row('标题 · title', tree.title.line, tree.title.text, how(tree.title));
  for (const m of tree.meta) row(`${META[m.key][0]} · ${META[m.key][1]}`, m.line, m.value, '前置设置 · front matter, not spoken');
  if (tree.occasionFromTitle) row('场合 · occasion', '', tree.occasionFromTitle, '取自标题 · from the title');
  if (tree.opening) row('开场 · opening', tree.opening.line, excerpt(tree.opening.paragraphs), '');
  tree.sections.forEach((section) => {
    row('部分 · section', section.heading.line, section.heading.text, how(section.heading));
    for (const point of section.points) row('  小点 · point', point.heading.line, point.heading.text, how(point.heading));
  });
  if (tree.closing) row('结语 · closing', tree.closing.line, excerpt(tree.closing.paragraphs), `以“${tree.closing.cue}”开头 · starts with ${tree.closing.cue}`);
  out.push('');

  const slides = countSlides(imported);
  const seconds = deckSeconds(deck);
  out.push(
    `${slides} 张幻灯片，预计讲话约 ${formatDurationZh(seconds)}（每分钟 ${deck.meta.rate} 字）· ${slides} slides, about ${formatDuration(seconds)} of speaking at ${deck.meta.rate} characters a minute`,
    '',
  );

  const look = lookItems(imported, options);
  out.push('请看一下 · Worth a look:', ...look.map((l) => `  ${l}`), '');

  out.push('草拟的要点（是草稿，请逐条核对、修改）· Drafted key phrases (a draft: review and edit each):');
  for (const { ref, label } of phraseSlidesInOrder(imported)) {
    const phrases = imported.phrases.get(slideKey(ref)) ?? [];
    out.push(`  ${label}`, ...phrases.map((p) => `    - ${p}`));
  }
  return out.join('\n');
}

const META: Record<'speaker' | 'date' | 'occasion', [string, string]> = {
  speaker: ['讲话人', 'speaker'],
  date: ['日期', 'date'],
  occasion: ['场合', 'occasion'],
};

function lookItems(imported: Imported, options: ReportOptions): string[] {
  const { tree, deck } = imported;
  const items: string[] = [];
  const at = (line: number) => `${options.output}:${line}: `;
  const mdLine = (ref: SlideRef | undefined) => imported.lines.find((l) => ref && slideKey(l.ref) === slideKey(ref));
  const [zhUnit, enUnit] = WHERE[options.unit];
  for (const p of options.problems ?? []) items.push(`${options.source}:${p.line}: ${p.severity}: ${p.message}`);
  for (const n of [...(options.notices ?? []), ...tree.notices]) {
    // A remark about a slide points to its heading; one about a paragraph, to where that paragraph went.
    const line = mdLine(n.slide)?.heading ?? imported.sourceLines.get(n.line);
    items.push(line ? `${at(line)}${n.zh} · ${n.en}` : `${options.source}:${n.line}: ${n.zh} · ${n.en}`);
  }
  for (const m of tree.meta) {
    items.push(
      `${options.source}:${m.line}: 第 ${m.line} ${zhUnit}“${m.text}”写进了前置设置的 ${m.key}，不在讲稿里 · ${enUnit} ${m.line} "${m.text}" went into the front matter as ${m.key}, not into the spoken text`,
    );
  }
  for (const l of imported.lines) {
    const slide = slideOf(imported, l.ref);
    const chars = slide ? spokenCharacters(slide.notes.map((n) => n.text).join('')) : 0;
    if (chars > LONG_SLIDE) {
      items.push(
        `${at(l.heading)}这张幻灯片要讲 ${chars} 字（约 ${Math.round(chars / deck.meta.rate)} 分钟），可以考虑用“###”分成两张 · this slide has ${chars} characters to say (about ${Math.round(chars / deck.meta.rate)} min); consider splitting it with a "###" heading`,
      );
    }
  }
  for (const p of deck.problems) items.push(`${at(p.line)}${p.severity}: ${p.message}`);
  const first = imported.lines.find((l) => (imported.phrases.get(slideKey(l.ref)) ?? []).length);
  const drafted = [...imported.phrases.values()].reduce((n, p) => n + p.length, 0);
  if (first) {
    items.push(
      `${at(first.phrases)}${drafted} 条要点（“- ”开头的行）是自动草拟的，原样取自讲话，请逐条核对、改成观众该记住的话 · the ${drafted} key phrases ("- " lines) are drafted, verbatim from the speech: review each and make it what the audience should retain`,
    );
  }
  const few = imported.lines.filter((l) => l.ref.kind !== 'title' && (imported.phrases.get(slideKey(l.ref))?.length ?? 2) < 2);
  if (few.length) {
    const where = few.map((l) => l.heading).join(', ');
    items.push(
      `${at(few[0]!.heading)}${few.length} 张幻灯片要讲的话几乎只有标题，草拟的要点不到两条（第 ${where} 行），请补上或留空 · ${few.length} slide${few.length > 1 ? 's have' : ' has'} little to say beyond ${few.length > 1 ? 'their headings' : 'its heading'}, so fewer than two key phrases were drafted (line${few.length > 1 ? 's' : ''} ${where}): add some or leave them`,
    );
  }
  if (!items.length) items.push('没有 · nothing');
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
  if (tree.opening) found.push({ ref: { kind: 'opening' }, label: '开场 · opening' });
  tree.sections.forEach((section, s) => {
    found.push({ ref: { kind: 'section', section: s }, label: section.heading.text });
    section.points.forEach((point, p) => found.push({ ref: { kind: 'point', section: s, point: p }, label: `  ${point.heading.text}` }));
  });
  if (tree.closing) found.push({ ref: { kind: 'closing' }, label: '结语 · closing' });
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
