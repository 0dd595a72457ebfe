/**
 * Finds a speech's structure in its paragraphs: title, a speaker/date line, opening, sections, sub-points and
 * closing. Every rule is one small function, tried in a fixed order; the text itself is never changed, only cut
 * at sentence boundaries, so every character reaches exactly one slide's spoken text, in order.
 */
import { both } from '../say.ts';
import { KIND_ORDER, leadingMarker, ordinals, type Marker, type MarkerKind } from './markers.ts';
import { REPORT } from './messages.ts';
import { parallelGroup } from './parallel.ts';
import { bare, length, sentences } from './sentences.ts';
import { shownText, type SourceImage, type SourceParagraph } from './source.ts';

/** Which rule found a heading; the report names it so the reader knows what to check. */
export type FoundBy = 'title-style' | 'first-line' | 'first-sentence' | 'heading-style' | 'numbered' | 'ordinal' | 'bold' | 'parallel' | 'cue';

/** A paragraph of a part as it is written into the Markdown: text (a paragraph of the source or a piece of one), or a picture. */
export type PartParagraph = { kind: 'text'; line: number; text: string } | { kind: 'image'; line: number; image: SourceImage };

export interface Heading {
  /** As shown on the slide: the lead sentence without its closing punctuation. */
  text: string;
  line: number;
  found: FoundBy;
}

/** A slide's worth of the speech. */
export interface Part {
  heading?: Heading;
  /** The source line where the part begins. */
  line: number;
  paragraphs: PartParagraph[];
}

export interface PointPart extends Part {
  heading: Heading;
}

export interface SectionPart {
  heading: Heading;
  /** The section's own text, before its first sub-point; its heading sentence included. */
  intro: Part;
  points: PointPart[];
}

export type MetaKey = 'speaker' | 'date' | 'occasion';

/** A line under the title that goes into the front matter instead of the spoken text. */
export interface MetaLine {
  line: number;
  text: string;
  key: MetaKey;
  value: string;
}

/** Where on the deck a remark applies, so the report can point to the Markdown line. */
export type SlideRef =
  | { kind: 'title' }
  | { kind: 'opening' }
  | { kind: 'closing' }
  | { kind: 'section'; section: number }
  | { kind: 'point'; section: number; point: number };

/** Something the person should look at, in both languages. */
export interface Notice {
  line: number;
  zh: string;
  en: string;
  slide?: SlideRef;
}

/** The speech's structure as found: title, front matter lines, opening, sections with their sub-points, closing. */
export interface OutlineTree {
  title: Heading;
  meta: MetaLine[];
  /** The occasion read from a title like 在…会议上的讲话, when no line under the title gives it. */
  occasionFromTitle?: string;
  opening?: Part;
  sections: SectionPart[];
  closing?: Part & { cue: string };
  notices: Notice[];
}

/** A paragraph as the rules see it: shown text (numbering included), trimmed, with bold stretches. */
interface Paragraph {
  line: number;
  text: string;
  bold: Array<[number, number]>;
  heading?: number;
  title?: boolean;
  subtitle?: boolean;
  image?: SourceImage;
  fromTable?: boolean;
}

/** A place in the speech: a paragraph and an offset into its text. */
interface Place {
  paragraph: number;
  offset: number;
}

/** Where a section or sub-point starts, and its heading. */
interface Start extends Place {
  heading: Heading;
}

/** Words that open a speech's closing (结语) when they start a paragraph after the last section has begun. */
export const CLOSING_CUES = [
  '新的一年',
  '新的征程',
  '新征程上',
  '总之',
  '总而言之',
  '综上所述',
  '综上',
  '最后',
  '同志们',
  '让我们',
  '展望未来',
  '面向未来',
  '站在新的',
];
const CLOSING = new RegExp(`^(${CLOSING_CUES.join('|')})`, 'u');

/** Longest heading taken whole; a longer lead sentence is cut at its first comma. */
const MAX_HEADING = 30;
/** Longest first line read as the title. */
const MAX_TITLE = 60;
/** Longest line under the title read as the speaker, date or occasion. */
const MAX_META = 40;
/** Spoken characters past which a slide is called long (three minutes at 200 a minute). */
export const LONG_SLIDE = 600;

const DATE =
  /(?:\d{4}|[〇零一二三四五六七八九xX]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十xX]{1,3})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十xX]{1,3})\s*日)?/u;
const OCCASION_IN_TITLE = /在(.{2,40}?)上的(?:讲话|发言|致辞|报告|总结讲话|主持词|动员讲话)/u;

export function findStructure(source: readonly SourceParagraph[]): OutlineTree {
  const paragraphs = toParagraphs(source);
  const notices: Notice[] = [];
  if (!paragraphs.some((u) => !u.image)) throw new Error('no text to import');
  const { title, body } = findTitle(paragraphs, notices);
  const meta = body.offset === 0 ? findMeta(paragraphs, body.paragraph) : [];
  const start: Place = { paragraph: body.paragraph + meta.length, offset: body.offset };
  const tree: OutlineTree = { title, meta, sections: [], notices };
  const occasion = OCCASION_IN_TITLE.exec(title.text)?.[1];
  if (occasion && !meta.some((m) => m.key === 'occasion')) tree.occasionFromTitle = occasion;

  const sections = findSections(paragraphs, start);
  const end: Place = { paragraph: paragraphs.length, offset: 0 };
  const closingAt = sections.length ? findClosing(paragraphs, sections.at(-1)!) : undefined;
  const bodyEnd = closingAt ?? end;
  const firstSection = sections[0] ?? bodyEnd;
  if (before(start, firstSection)) tree.opening = part(paragraphs, start, firstSection);

  sections.forEach((section, s) => {
    const sectionEnd = sections[s + 1] ?? bodyEnd;
    const from = afterHeading(paragraphs, section);
    const points = findPoints(paragraphs, from, sectionEnd, section.heading);
    const introEnd = points[0] ?? sectionEnd;
    tree.sections.push({
      heading: section.heading,
      intro: part(paragraphs, section, introEnd),
      points: points.map((p, k) => ({ ...part(paragraphs, p, points[k + 1] ?? sectionEnd), heading: p.heading })),
    });
    if (!points.length) {
      notices.push({
        line: section.heading.line,
        slide: { kind: 'section', section: s },
        ...both(REPORT.noPoints, { heading: section.heading.text }),
      });
    }
  });

  if (closingAt) {
    const cue = CLOSING.exec(paragraphs[closingAt.paragraph]!.text)![1]!;
    tree.closing = { ...part(paragraphs, closingAt, end), cue };
  } else if (sections.length) {
    notices.push({
      line: paragraphs.at(-1)!.line,
      slide: { kind: 'section', section: sections.length - 1 },
      ...both(REPORT.noClosing, { cues: { zh: CLOSING_CUES.slice(0, 4).join('”“'), en: CLOSING_CUES.slice(0, 4).join(', ') } }),
    });
  } else {
    notices.push({
      line: start.paragraph < paragraphs.length ? paragraphs[start.paragraph]!.line : title.line,
      slide: { kind: 'opening' },
      ...both(REPORT.noSections),
    });
  }
  addTableNotices(paragraphs, tree);
  return tree;
}

function toParagraphs(source: readonly SourceParagraph[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const p of source) {
    if (p.image) {
      paragraphs.push({ line: p.line, text: '', bold: [], image: p.image });
      continue;
    }
    const shown = shownText(p);
    const lead = shown.text.length - shown.text.trimStart().length;
    const text = shown.text.trim();
    if (!text) continue;
    const bold = shown.bold.map(([s, e]) => [Math.max(0, s - lead), Math.min(text.length, e - lead)] as [number, number]).filter(([s, e]) => e > s);
    const paragraph: Paragraph = { line: p.line, text, bold };
    if (p.style?.heading) paragraph.heading = p.style.heading;
    if (p.style?.title) paragraph.title = true;
    if (p.style?.subtitle) paragraph.subtitle = true;
    if (p.fromTable) paragraph.fromTable = true;
    paragraphs.push(paragraph);
  }
  // Pictures above the title are shown on the opening slide: the title stays the first thing said.
  const first = paragraphs.findIndex((u) => !u.image);
  if (first > 0) paragraphs.splice(1, 0, ...paragraphs.splice(0, first));
  return paragraphs;
}

function before(a: Place, b: Place): boolean {
  return a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.offset < b.offset);
}

/** The text between two places, as the paragraphs of a part: one per paragraph of the source, or piece of one. */
function part(paragraphs: Paragraph[], from: Place, to: Place): Part {
  const taken: PartParagraph[] = [];
  for (let u = from.paragraph; u < paragraphs.length && (u < to.paragraph || (u === to.paragraph && to.offset > 0)); u++) {
    const paragraph = paragraphs[u]!;
    if (paragraph.image) {
      taken.push({ kind: 'image', line: paragraph.line, image: paragraph.image });
      continue;
    }
    const text = paragraph.text.slice(u === from.paragraph ? from.offset : 0, u === to.paragraph ? to.offset : undefined).trim();
    if (text) taken.push({ kind: 'text', line: paragraph.line, text });
  }
  const line = paragraphs[from.paragraph]?.line ?? 0;
  return { line, paragraphs: taken };
}

/** The title: Word's Title style on the first paragraph, else a short first line, else the first sentence. */
function findTitle(paragraphs: Paragraph[], notices: Notice[]): { title: Heading; body: Place } {
  // toParagraphs puts the first text first.
  const paragraph = paragraphs[0]!;
  const headingLevels = paragraphs.filter((u) => u.heading).map((u) => u.heading!);
  // A lone top-level heading on the first line is the title when the others are a level below it.
  const loneTop = paragraph.heading !== undefined && headingLevels.filter((l) => l <= paragraph.heading!).length === 1;
  if (paragraph.title || loneTop) return { title: { text: paragraph.text, line: paragraph.line, found: 'title-style' }, body: { paragraph: 1, offset: 0 } };
  if (paragraph.text.length <= MAX_TITLE && !leadingMarker(paragraph.text) && !/[。！？；]./u.test(paragraph.text) && !/[：:]$/u.test(paragraph.text)) {
    return { title: { text: paragraph.text, line: paragraph.line, found: 'first-line' }, body: { paragraph: 1, offset: 0 } };
  }
  // No title line: the first sentence stands in, so that its text is still spoken exactly once.
  const sentence = sentences(paragraph.text)[0]!;
  const text = sentence.text.trim();
  notices.push({
    line: paragraph.line,
    slide: { kind: 'title' },
    zh: `没有找到标题行，暂用第一句“${text}”作标题；请在最前面写上真正的标题（“# 标题”），并把这一句放回开场`,
    en: `no title line found, so the first sentence "${text}" stands in as the title; write the real title first ("# title") and move this sentence back into the opening`,
  });
  const rest = sentence.end < paragraph.text.length ? { paragraph: 0, offset: sentence.end } : { paragraph: 1, offset: 0 };
  return { title: { text, line: paragraph.line, found: 'first-sentence' }, body: rest };
}

/** Up to three short lines right under the title naming the speaker, the occasion or the date. */
function findMeta(paragraphs: Paragraph[], from: number): MetaLine[] {
  const found: MetaLine[] = [];
  for (let u = from; u < Math.min(paragraphs.length, from + 3); u++) {
    const paragraph = paragraphs[u]!;
    const meta = paragraph.image ? undefined : metaLine(paragraph);
    if (!meta || found.some((m) => m.key === meta.key)) break;
    found.push(meta);
  }
  return found;
}

function metaLine(paragraph: Paragraph): MetaLine | undefined {
  const text = paragraph.text;
  if (text.length > MAX_META || paragraph.heading || leadingMarker(text)) return undefined;
  if (/[。！？；：:，,]$/u.test(text) || /[。！？；]/u.test(text) || /^(同志们|各位|尊敬的)/u.test(text)) return undefined;
  const inner = text.replace(/^[（(〔【\s]+|[）)〕】\s]+$/gu, '').trim();
  const date = DATE.exec(inner);
  if (date) {
    const rest = inner.replace(date[0], '').replace(/^[\s,，、]+|[\s,，、]+$/gu, '');
    // A date with a name beside it, as in （张三　2023年3月1日）, keeps both, so that nothing of the line is lost.
    return { line: paragraph.line, text, key: 'date', value: rest ? inner.replace(/\s+/gu, ' ') : date[0].replace(/\s+/gu, '') };
  }
  if (/^[—─-]{1,2}/u.test(text) || OCCASION_IN_TITLE.test(inner)) {
    const value = inner.replace(/^[—─-]+\s*/u, '');
    return { line: paragraph.line, text, key: 'occasion', value: OCCASION_IN_TITLE.exec(value)?.[1] ?? value };
  }
  // A name and office: short, no clause marks, not a sentence.
  if (text.length <= 30 && !/[，,]/u.test(text) && !/[的了是在]$/u.test(text))
    return { line: paragraph.line, text, key: 'speaker', value: inner.replace(/\s+/gu, ' ') };
  return undefined;
}

/**
 * Section starts: Word's top heading level when headings are used, else the outermost enumerator that runs
 * 1, 2, 3… at the start of paragraphs (一、 or 第一部分, else （一）, else 1.).
 */
function findSections(paragraphs: Paragraph[], from: Place): Start[] {
  const body = paragraphs.map((u, i) => ({ u, i })).filter(({ i }) => i > from.paragraph || (i === from.paragraph && from.offset === 0));
  const levels = body.filter(({ u }) => u.heading).map(({ u }) => u.heading!);
  if (levels.length) {
    const top = Math.min(...levels);
    return body
      .filter(({ u }) => u.heading === top)
      .map(({ u, i }) => ({ paragraph: i, offset: 0, heading: { text: u.text, line: u.line, found: 'heading-style' } }));
  }
  for (const kind of KIND_ORDER.slice(0, 4)) {
    const run = markerRun(body, kind);
    // 一、 marks sections on its own; an inner kind stands for sections only when it recurs.
    if (run.length >= (kind === 'part' ? 1 : 2)) {
      return run.map(({ u, i }) => ({ paragraph: i, offset: 0, heading: { ...leadHeading(u.text, 0), line: u.line, found: 'numbered' } }));
    }
  }
  return [];
}

/** Paragraphs starting with an enumerator of one kind, numbered 1, 2, 3… in order; others of the kind are text. */
function markerRun(candidates: Array<{ u: Paragraph; i: number }>, kind: MarkerKind): Array<{ u: Paragraph; i: number; marker: Marker }> {
  const run: Array<{ u: Paragraph; i: number; marker: Marker }> = [];
  for (const c of candidates) {
    if (c.u.image || c.u.fromTable) continue;
    const marker = leadingMarker(c.u.text);
    if (marker?.kind === kind && marker.number === run.length + 1) run.push({ ...c, marker });
  }
  return run;
}

/** The heading in a paragraph's lead sentence from `offset`: up to 。！？；：, cut at a comma when too long. */
export function leadHeading(text: string, offset: number): { text: string; end: number } {
  const rest = text.slice(offset);
  const stop = rest.search(/[。！？；：!?;:]/u);
  const lead = stop < 0 ? rest : rest.slice(0, stop);
  // A lead of punctuation only (一、 on a line of its own) is shown as written rather than as nothing.
  let heading = bare(lead) || lead.trim();
  if (length(heading) > MAX_HEADING) {
    const comma = heading.search(/[，,]/u);
    heading = comma >= 4 && comma <= MAX_HEADING ? heading.slice(0, comma) : `${heading.slice(0, MAX_HEADING)}`;
  }
  const end = offset + (stop < 0 ? rest.length : stop + 1);
  return { text: heading, end };
}

/** Where a section's sub-points may start: right after its heading sentence. */
function afterHeading(paragraphs: Paragraph[], section: Start): Place {
  const paragraph = paragraphs[section.paragraph]!;
  if (section.heading.found === 'heading-style') return { paragraph: section.paragraph + 1, offset: 0 };
  const { end } = leadHeading(paragraph.text, 0);
  return end >= paragraph.text.length ? { paragraph: section.paragraph + 1, offset: 0 } : { paragraph: section.paragraph, offset: end };
}

/**
 * The closing: from the first paragraph after the last section's heading that starts with a closing cue
 * (新的一年, 总之, 最后, 同志们, 让我们 …) to the end.
 */
function findClosing(paragraphs: Paragraph[], last: Start): Place | undefined {
  for (let u = last.paragraph + 1; u < paragraphs.length; u++) {
    const paragraph = paragraphs[u]!;
    if (paragraph.image || paragraph.heading || leadingMarker(paragraph.text)) continue;
    if (CLOSING.test(paragraph.text)) return { paragraph: u, offset: 0 };
  }
  return undefined;
}

/** The places in a section's text, in order, as sentences with their paragraph and offset. */
function sentencesIn(paragraphs: Paragraph[], from: Place, to: Place): Array<Place & { text: string; end: number }> {
  const found: Array<Place & { text: string; end: number }> = [];
  for (let u = from.paragraph; u < Math.min(paragraphs.length, to.paragraph + 1); u++) {
    const paragraph = paragraphs[u]!;
    if (paragraph.image || (u === to.paragraph && to.offset === 0)) continue;
    const start = u === from.paragraph ? from.offset : 0;
    const end = u === to.paragraph ? to.offset : paragraph.text.length;
    for (const s of sentences(paragraph.text.slice(start, end), start)) found.push({ paragraph: u, offset: s.start, end: s.end, text: s.text });
  }
  return found;
}

/** Sub-point starts inside a section, by the first rule that finds any. */
function findPoints(paragraphs: Paragraph[], from: Place, to: Place, section: Heading): Start[] {
  const whole = paragraphs.map((u, i) => ({ u, i })).filter(({ i }) => (i > from.paragraph || (i === from.paragraph && from.offset === 0)) && i < to.paragraph);
  for (const rule of [styledPoints, numberedPoints, ordinalPoints, boldPoints, parallelPoints]) {
    const points = rule(paragraphs, whole, from, to, section);
    if (points.length) return points;
  }
  return [];
}

type PointRule = (paragraphs: Paragraph[], whole: Array<{ u: Paragraph; i: number }>, from: Place, to: Place, section: Heading) => Start[];

/** Paragraphs in Word's heading styles below the section's. */
const styledPoints: PointRule = (_units, whole) =>
  whole.filter(({ u }) => u.heading).map(({ u, i }) => ({ paragraph: i, offset: 0, heading: { text: u.text, line: u.line, found: 'heading-style' } }));

/** Paragraphs starting with the next enumerator inside the section's: （一）, 1., （1）, numbered 1, 2, 3… */
const numberedPoints: PointRule = (_units, whole, _from, _to, section) => {
  const outer = section.found === 'numbered' ? leadingMarker(section.text)?.kind : undefined;
  const kinds = KIND_ORDER.slice(0, 4).filter((k) => !outer || KIND_ORDER.indexOf(k) > KIND_ORDER.indexOf(outer));
  for (const kind of kinds) {
    const run = markerRun(whole, kind);
    if (run.length)
      return run.map(({ u, i }) => ({ paragraph: i, offset: 0, heading: { ...leadHeading(u.text, 0), line: u.line, found: 'numbered' as const } }));
  }
  return [];
};

/** 一是…二是… (or 第一，第二，) run into the text, numbered 1, 2, 3…; at least two. */
const ordinalPoints: PointRule = (paragraphs, _whole, from, to) => {
  const run: Start[] = [];
  for (let u = from.paragraph; u < Math.min(paragraphs.length, to.paragraph); u++) {
    const paragraph = paragraphs[u]!;
    if (paragraph.image) continue;
    for (const m of ordinals(paragraph.text)) {
      if ((u === from.paragraph && m.at < from.offset) || m.number !== run.length + 1) continue;
      const lead = leadHeading(paragraph.text, m.at + m.text.length);
      const heading = (length(lead.text) > 20 ? bare(lead.text.split(/[，,]/u)[0]!) : lead.text) || m.text;
      run.push({ paragraph: u, offset: m.at, heading: { text: heading, line: paragraph.line, found: 'ordinal' } });
    }
  }
  return run.length >= 2 ? run : [];
};

/** A bold lead: bold text starting a paragraph or a sentence, as Word authors mark points without headings. */
const boldPoints: PointRule = (paragraphs, _whole, from, to) => {
  const found: Start[] = [];
  for (let u = from.paragraph; u < Math.min(paragraphs.length, to.paragraph); u++) {
    const paragraph = paragraphs[u]!;
    const starts = new Set(sentences(paragraph.text).map((s) => s.start));
    for (const [s, e] of mergeTouching(paragraph.bold)) {
      if ((u === from.paragraph && s < from.offset) || !starts.has(s)) continue;
      const text = bare(paragraph.text.slice(s, e));
      if (length(text) < 2) continue;
      const heading = length(text) > MAX_HEADING ? leadHeading(text, 0).text : text;
      found.push({ paragraph: u, offset: s, heading: { text: heading, line: paragraph.line, found: 'bold' } });
    }
  }
  return found;
};

function mergeTouching(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** A run of parallel short sentences (用…点。/ 要…，不要…。) with text between them. */
const parallelPoints: PointRule = (paragraphs, _whole, from, to) => {
  const all = sentencesIn(paragraphs, from, to);
  return parallelGroup(all.map((s) => s.text)).map((k) => {
    const s = all[k]!;
    return { paragraph: s.paragraph, offset: s.offset, heading: { text: bare(s.text), line: paragraphs[s.paragraph]!.line, found: 'parallel' as const } };
  });
};

function addTableNotices(paragraphs: Paragraph[], tree: OutlineTree): void {
  let inTable = false;
  for (const paragraph of paragraphs) {
    if (paragraph.fromTable && !inTable) {
      tree.notices.push({
        line: paragraph.line,
        ...both(REPORT.table),
      });
    }
    inTable = !!paragraph.fromTable;
  }
}
