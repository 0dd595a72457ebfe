/**
 * Finds a speech's structure in its paragraphs: title, a speaker/date line, opening, sections, sub-points and
 * closing. Every rule is one small function, tried in a fixed order; the text itself is never changed, only cut
 * at sentence boundaries, so every character reaches exactly one slide's spoken text, in order.
 */
import { KIND_ORDER, leadingMarker, ordinals, type Marker, type MarkerKind } from './markers.ts';
import { parallelGroup } from './parallel.ts';
import { bare, length, sentences } from './sentences.ts';
import { shownText, type SourceImage, type SourceParagraph } from './source.ts';

/** Which rule found a heading; the report names it so the reader knows what to check. */
export type Found =
  | 'title-style'
  | 'first-line'
  | 'first-sentence'
  | 'heading-style'
  | 'numbered'
  | 'ordinal'
  | 'bold'
  | 'parallel'
  | 'cue';

export type Block = { kind: 'text'; line: number; text: string } | { kind: 'image'; line: number; image: SourceImage };

export interface Heading {
  /** As shown on the slide: the lead sentence without its closing punctuation. */
  text: string;
  line: number;
  found: Found;
}

/** A slide's worth of the speech. */
export interface Part {
  heading?: Heading;
  /** The source line where the part begins. */
  line: number;
  blocks: Block[];
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
export type SlideRef = { kind: 'title' } | { kind: 'opening' } | { kind: 'closing' } | { kind: 'section'; section: number } | { kind: 'point'; section: number; point: number };

/** Something the person should look at, in both languages. */
export interface Notice {
  line: number;
  zh: string;
  en: string;
  slide?: SlideRef;
}

export interface Tree {
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
interface Unit {
  line: number;
  text: string;
  bold: Array<[number, number]>;
  heading?: number;
  title?: boolean;
  subtitle?: boolean;
  image?: SourceImage;
  fromTable?: boolean;
}

/** A place in the speech: a unit and an offset into its text. */
interface At {
  unit: number;
  offset: number;
}

/** Where a section or sub-point starts, and its heading. */
interface Start extends At {
  heading: Heading;
}

/** Words that open a speech's closing (结语) when they start a paragraph after the last section has begun. */
export const CLOSING_CUES = ['新的一年', '新的征程', '新征程上', '总之', '总而言之', '综上所述', '综上', '最后', '同志们', '让我们', '展望未来', '面向未来', '站在新的'];
const CLOSING = new RegExp(`^(${CLOSING_CUES.join('|')})`, 'u');

/** Longest heading taken whole; a longer lead sentence is cut at its first comma. */
const MAX_HEADING = 30;
/** Longest first line read as the title. */
const MAX_TITLE = 60;
/** Longest line under the title read as the speaker, date or occasion. */
const MAX_META = 40;
/** Spoken characters past which a slide is called long (three minutes at 200 a minute). */
export const LONG_SLIDE = 600;

const DATE = /(?:\d{4}|[〇零一二三四五六七八九xX]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十xX]{1,3})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十xX]{1,3})\s*日)?/u;
const OCCASION_IN_TITLE = /在(.{2,40}?)上的(?:讲话|发言|致辞|报告|总结讲话|主持词|动员讲话)/u;

export function findStructure(paragraphs: readonly SourceParagraph[]): Tree {
  const units = toUnits(paragraphs);
  const notices: Notice[] = [];
  if (!units.some((u) => !u.image)) throw new Error('no text to import');
  const { title, body } = findTitle(units, notices);
  const meta = body.offset === 0 ? findMeta(units, body.unit) : [];
  const start: At = { unit: body.unit + meta.length, offset: body.offset };
  const tree: Tree = { title, meta, sections: [], notices };
  const occasion = OCCASION_IN_TITLE.exec(title.text)?.[1];
  if (occasion && !meta.some((m) => m.key === 'occasion')) tree.occasionFromTitle = occasion;

  const sections = findSections(units, start);
  const end: At = { unit: units.length, offset: 0 };
  const closingAt = sections.length ? findClosing(units, sections.at(-1)!) : undefined;
  const bodyEnd = closingAt ?? end;
  const firstSection = sections[0] ?? bodyEnd;
  if (before(start, firstSection)) tree.opening = part(units, start, firstSection);

  sections.forEach((section, s) => {
    const sectionEnd = sections[s + 1] ?? bodyEnd;
    const from = afterHeading(units, section);
    const points = findPoints(units, from, sectionEnd, section.heading);
    const introEnd = points[0] ?? sectionEnd;
    tree.sections.push({
      heading: section.heading,
      intro: part(units, section, introEnd),
      points: points.map((p, k) => ({ ...part(units, p, points[k + 1] ?? sectionEnd), heading: p.heading })),
    });
    if (!points.length) {
      notices.push({
        line: section.heading.line,
        slide: { kind: 'section', section: s },
        zh: `“${section.heading.text}”一部分没有找到小点，整部分是一张幻灯片；需要时用“### 小标题”把它分开`,
        en: `no sub-points found in "${section.heading.text}": the whole section is one slide; split it with "### heading" lines if it has points`,
      });
    }
  });

  if (closingAt) {
    const cue = CLOSING.exec(units[closingAt.unit]!.text)![1]!;
    tree.closing = { ...part(units, closingAt, end), cue };
  } else if (sections.length) {
    notices.push({
      line: units.at(-1)!.line,
      slide: { kind: 'section', section: sections.length - 1 },
      zh: `没有找到结语（以“${CLOSING_CUES.slice(0, 4).join('”“')}”等开头的段落），最后一段留在最后一部分；如果它是结语，在它上面加一行“---”（前后空行）`,
      en: `no closing found (a paragraph starting with ${CLOSING_CUES.slice(0, 4).join(', ')} or the like): the last paragraph stays in the last section; if it is the closing, put a line "---" above it, with blank lines around`,
    });
  } else {
    notices.push({
      line: start.unit < units.length ? units[start.unit]!.line : title.line,
      slide: { kind: 'opening' },
      zh: '没有找到部分（一、二、三，第一部分，或 Word 的“标题 1”样式），全文都放在开场一张幻灯片上；用“## 一、…”标出各部分',
      en: 'no sections found (一、二、三, 第一部分 or Word\'s Heading 1 style): the whole speech is on the opening slide; mark the sections with "## 一、…" lines',
    });
  }
  addTableNotices(units, tree);
  return tree;
}

function toUnits(paragraphs: readonly SourceParagraph[]): Unit[] {
  const units: Unit[] = [];
  for (const p of paragraphs) {
    if (p.image) {
      units.push({ line: p.line, text: '', bold: [], image: p.image });
      continue;
    }
    const shown = shownText(p);
    const lead = shown.text.length - shown.text.trimStart().length;
    const text = shown.text.trim();
    if (!text) continue;
    const bold = shown.bold
      .map(([s, e]) => [Math.max(0, s - lead), Math.min(text.length, e - lead)] as [number, number])
      .filter(([s, e]) => e > s);
    const unit: Unit = { line: p.line, text, bold };
    if (p.style?.heading) unit.heading = p.style.heading;
    if (p.style?.title) unit.title = true;
    if (p.style?.subtitle) unit.subtitle = true;
    if (p.fromTable) unit.fromTable = true;
    units.push(unit);
  }
  // Pictures above the title are shown on the opening slide: the title stays the first thing said.
  const first = units.findIndex((u) => !u.image);
  if (first > 0) units.splice(1, 0, ...units.splice(0, first));
  return units;
}

function before(a: At, b: At): boolean {
  return a.unit < b.unit || (a.unit === b.unit && a.offset < b.offset);
}

/** The text between two places, as Markdown-ready blocks: one per paragraph or piece of one. */
function part(units: Unit[], from: At, to: At): Part {
  const blocks: Block[] = [];
  for (let u = from.unit; u < units.length && (u < to.unit || (u === to.unit && to.offset > 0)); u++) {
    const unit = units[u]!;
    if (unit.image) {
      blocks.push({ kind: 'image', line: unit.line, image: unit.image });
      continue;
    }
    const text = unit.text.slice(u === from.unit ? from.offset : 0, u === to.unit ? to.offset : undefined).trim();
    if (text) blocks.push({ kind: 'text', line: unit.line, text });
  }
  const line = units[from.unit]?.line ?? 0;
  return { line, blocks };
}

/** The title: Word's Title style on the first paragraph, else a short first line, else the first sentence. */
function findTitle(units: Unit[], notices: Notice[]): { title: Heading; body: At } {
  // toUnits puts the first text first.
  const unit = units[0]!;
  const headingLevels = units.filter((u) => u.heading).map((u) => u.heading!);
  // A lone top-level heading on the first line is the title when the others are a level below it.
  const loneTop = unit.heading !== undefined && headingLevels.filter((l) => l <= unit.heading!).length === 1;
  if (unit.title || loneTop) return { title: { text: unit.text, line: unit.line, found: 'title-style' }, body: { unit: 1, offset: 0 } };
  if (unit.text.length <= MAX_TITLE && !leadingMarker(unit.text) && !/[。！？；]./u.test(unit.text) && !/[：:]$/u.test(unit.text)) {
    return { title: { text: unit.text, line: unit.line, found: 'first-line' }, body: { unit: 1, offset: 0 } };
  }
  // No title line: the first sentence stands in, so that its text is still spoken exactly once.
  const sentence = sentences(unit.text)[0]!;
  const text = sentence.text.trim();
  notices.push({
    line: unit.line,
    slide: { kind: 'title' },
    zh: `没有找到标题行，暂用第一句“${text}”作标题；请在最前面写上真正的标题（“# 标题”），并把这一句放回开场`,
    en: `no title line found, so the first sentence "${text}" stands in as the title; write the real title first ("# title") and move this sentence back into the opening`,
  });
  const rest = sentence.end < unit.text.length ? { unit: 0, offset: sentence.end } : { unit: 1, offset: 0 };
  return { title: { text, line: unit.line, found: 'first-sentence' }, body: rest };
}

/** Up to three short lines right under the title naming the speaker, the occasion or the date. */
function findMeta(units: Unit[], from: number): MetaLine[] {
  const found: MetaLine[] = [];
  for (let u = from; u < Math.min(units.length, from + 3); u++) {
    const unit = units[u]!;
    const meta = unit.image ? undefined : metaLine(unit);
    if (!meta || found.some((m) => m.key === meta.key)) break;
    found.push(meta);
  }
  return found;
}

function metaLine(unit: Unit): MetaLine | undefined {
  const text = unit.text;
  if (text.length > MAX_META || unit.heading || leadingMarker(text)) return undefined;
  if (/[。！？；：:，,]$/u.test(text) || /[。！？；]/u.test(text) || /^(同志们|各位|尊敬的)/u.test(text)) return undefined;
  const inner = text.replace(/^[（(〔【\s]+|[）)〕】\s]+$/gu, '').trim();
  const date = DATE.exec(inner);
  if (date) {
    const rest = inner.replace(date[0], '').replace(/^[\s,，、]+|[\s,，、]+$/gu, '');
    // A date with a name beside it, as in （张三　2023年3月1日）, keeps both, so that nothing of the line is lost.
    return { line: unit.line, text, key: 'date', value: rest ? inner.replace(/\s+/gu, ' ') : date[0].replace(/\s+/gu, '') };
  }
  if (/^[—─-]{1,2}/u.test(text) || OCCASION_IN_TITLE.test(inner)) {
    const value = inner.replace(/^[—─-]+\s*/u, '');
    return { line: unit.line, text, key: 'occasion', value: OCCASION_IN_TITLE.exec(value)?.[1] ?? value };
  }
  // A name and office: short, no clause marks, not a sentence.
  if (text.length <= 30 && !/[，,]/u.test(text) && !/[的了是在]$/u.test(text)) return { line: unit.line, text, key: 'speaker', value: inner.replace(/\s+/gu, ' ') };
  return undefined;
}

/**
 * Section starts: Word's top heading level when headings are used, else the outermost enumerator that runs
 * 1, 2, 3… at the start of paragraphs (一、 or 第一部分, else （一）, else 1.).
 */
function findSections(units: Unit[], from: At): Start[] {
  const body = units.map((u, i) => ({ u, i })).filter(({ i }) => i > from.unit || (i === from.unit && from.offset === 0));
  const levels = body.filter(({ u }) => u.heading).map(({ u }) => u.heading!);
  if (levels.length) {
    const top = Math.min(...levels);
    return body.filter(({ u }) => u.heading === top).map(({ u, i }) => ({ unit: i, offset: 0, heading: { text: u.text, line: u.line, found: 'heading-style' } }));
  }
  for (const kind of KIND_ORDER.slice(0, 4)) {
    const run = markerRun(body, kind);
    // 一、 marks sections on its own; an inner kind stands for sections only when it recurs.
    if (run.length >= (kind === 'part' ? 1 : 2)) {
      return run.map(({ u, i }) => ({ unit: i, offset: 0, heading: { ...leadHeading(u.text, 0), line: u.line, found: 'numbered' } }));
    }
  }
  return [];
}

/** Paragraphs starting with an enumerator of one kind, numbered 1, 2, 3… in order; others of the kind are text. */
function markerRun(candidates: Array<{ u: Unit; i: number }>, kind: MarkerKind): Array<{ u: Unit; i: number; marker: Marker }> {
  const run: Array<{ u: Unit; i: number; marker: Marker }> = [];
  for (const c of candidates) {
    if (c.u.image || c.u.fromTable) continue;
    const marker = leadingMarker(c.u.text);
    if (marker?.kind === kind && marker.number === run.length + 1) run.push({ ...c, marker });
  }
  return run;
}

/** The heading in a paragraph's lead sentence from `offset`: up to 。！？；：, cut at a comma when too long. */
function leadHeading(text: string, offset: number): { text: string; end: number } {
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
function afterHeading(units: Unit[], section: Start): At {
  const unit = units[section.unit]!;
  if (section.heading.found === 'heading-style') return { unit: section.unit + 1, offset: 0 };
  const { end } = leadHeading(unit.text, 0);
  return end >= unit.text.length ? { unit: section.unit + 1, offset: 0 } : { unit: section.unit, offset: end };
}

/**
 * The closing: from the first paragraph after the last section's heading that starts with a closing cue
 * (新的一年, 总之, 最后, 同志们, 让我们 …) to the end.
 */
function findClosing(units: Unit[], last: Start): At | undefined {
  for (let u = last.unit + 1; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.image || unit.heading || leadingMarker(unit.text)) continue;
    if (CLOSING.test(unit.text)) return { unit: u, offset: 0 };
  }
  return undefined;
}

/** The places in a section's text, in order, as sentences with their unit and offset. */
function sentencesIn(units: Unit[], from: At, to: At): Array<At & { text: string; end: number }> {
  const found: Array<At & { text: string; end: number }> = [];
  for (let u = from.unit; u < Math.min(units.length, to.unit + 1); u++) {
    const unit = units[u]!;
    if (unit.image || (u === to.unit && to.offset === 0)) continue;
    const start = u === from.unit ? from.offset : 0;
    const end = u === to.unit ? to.offset : unit.text.length;
    for (const s of sentences(unit.text.slice(start, end), start)) found.push({ unit: u, offset: s.start, end: s.end, text: s.text });
  }
  return found;
}

/** Sub-point starts inside a section, by the first rule that finds any. */
function findPoints(units: Unit[], from: At, to: At, section: Heading): Start[] {
  const whole = units.map((u, i) => ({ u, i })).filter(({ i }) => (i > from.unit || (i === from.unit && from.offset === 0)) && i < to.unit);
  for (const rule of [styledPoints, numberedPoints, ordinalPoints, boldPoints, parallelPoints]) {
    const points = rule(units, whole, from, to, section);
    if (points.length) return points;
  }
  return [];
}

type PointRule = (units: Unit[], whole: Array<{ u: Unit; i: number }>, from: At, to: At, section: Heading) => Start[];

/** Paragraphs in Word's heading styles below the section's. */
const styledPoints: PointRule = (_units, whole) =>
  whole.filter(({ u }) => u.heading).map(({ u, i }) => ({ unit: i, offset: 0, heading: { text: u.text, line: u.line, found: 'heading-style' } }));

/** Paragraphs starting with the next enumerator inside the section's: （一）, 1., （1）, numbered 1, 2, 3… */
const numberedPoints: PointRule = (_units, whole, _from, _to, section) => {
  const outer = section.found === 'numbered' ? leadingMarker(section.text)?.kind : undefined;
  const kinds = KIND_ORDER.slice(0, 4).filter((k) => !outer || KIND_ORDER.indexOf(k) > KIND_ORDER.indexOf(outer));
  for (const kind of kinds) {
    const run = markerRun(whole, kind);
    if (run.length) return run.map(({ u, i }) => ({ unit: i, offset: 0, heading: { ...leadHeading(u.text, 0), line: u.line, found: 'numbered' as const } }));
  }
  return [];
};

/** 一是…二是… (or 第一，第二，) run into the text, numbered 1, 2, 3…; at least two. */
const ordinalPoints: PointRule = (units, _whole, from, to) => {
  const run: Start[] = [];
  for (let u = from.unit; u < Math.min(units.length, to.unit); u++) {
    const unit = units[u]!;
    if (unit.image) continue;
    for (const m of ordinals(unit.text)) {
      if ((u === from.unit && m.at < from.offset) || m.number !== run.length + 1) continue;
      const lead = leadHeading(unit.text, m.at + m.text.length);
      const heading = (length(lead.text) > 20 ? bare(lead.text.split(/[，,]/u)[0]!) : lead.text) || m.text;
      run.push({ unit: u, offset: m.at, heading: { text: heading, line: unit.line, found: 'ordinal' } });
    }
  }
  return run.length >= 2 ? run : [];
};

/** A bold lead: bold text starting a paragraph or a sentence, as Word authors mark points without headings. */
const boldPoints: PointRule = (units, _whole, from, to) => {
  const found: Start[] = [];
  for (let u = from.unit; u < Math.min(units.length, to.unit); u++) {
    const unit = units[u]!;
    const starts = new Set(sentences(unit.text).map((s) => s.start));
    for (const [s, e] of mergeTouching(unit.bold)) {
      if ((u === from.unit && s < from.offset) || !starts.has(s)) continue;
      const text = bare(unit.text.slice(s, e));
      if (length(text) < 2) continue;
      const heading = length(text) > MAX_HEADING ? leadHeading(text, 0).text : text;
      found.push({ unit: u, offset: s, heading: { text: heading, line: unit.line, found: 'bold' } });
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
const parallelPoints: PointRule = (units, _whole, from, to) => {
  const all = sentencesIn(units, from, to);
  return parallelGroup(all.map((s) => s.text)).map((k) => {
    const s = all[k]!;
    return { unit: s.unit, offset: s.offset, heading: { text: bare(s.text), line: units[s.unit]!.line, found: 'parallel' as const } };
  });
};

function addTableNotices(units: Unit[], tree: Tree): void {
  let inTable = false;
  for (const unit of units) {
    if (unit.fromTable && !inTable) {
      tree.notices.push({
        line: unit.line,
        zh: '这里的表格改成了讲话文字（每行一段，单元格之间空一格），请看读起来是否通顺',
        en: 'a table here became spoken text (a paragraph a row, cells separated by a space): check that it reads well',
      });
    }
    inTable = !!unit.fromTable;
  }
}
