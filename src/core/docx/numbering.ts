/**
 * Word's automatic numbering as the reader sees it. mammoth tells only whether a paragraph is in an ordered
 * list, not the number Word displays (一、 （一） 1.), so this reads numbering.xml and styles.xml, counts the
 * numbered paragraphs of document.xml in order as Word does, and writes each displayed number into its paragraph
 * as a first run between two private-use marks, where the reader picks it up again as the paragraph's numbering.
 * The parts are read with a scan of their tags (xml-scan.ts); the numbers are written in Word's formats
 * (number-formats.ts).
 */
import { escapeMarkup } from '../escape.ts';
import { formatNumber } from './number-formats.ts';
import { attr, endsWith, walk } from './xml-scan.ts';

/** Marks around an injected number; private-use characters that no real document text contains. */
export const NUMBER_OPEN = '\uE000';
export const NUMBER_CLOSE = '\uE001';

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}

interface Num {
  abstract: string;
  /** Levels whose count starts again where this instance is first used (startOverride). */
  starts: Map<number, number>;
}

/** The numbering definitions: abstract lists with their levels, and the list instances paragraphs point to. */
export function readNumbering(xml: string): { abstracts: Map<string, Map<number, Level>>; nums: Map<string, Num> } {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, Num>();
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: Num | undefined;
  let override: number | undefined;
  walk(xml, (tag, stack) => {
    if (tag.close) {
      if (tag.name === 'w:abstractNum') abstract = undefined;
      if (tag.name === 'w:lvl') level = undefined;
      if (tag.name === 'w:num') num = undefined;
      if (tag.name === 'w:lvlOverride') override = undefined;
      return;
    }
    if (tag.name === 'w:abstractNum') abstracts.set(attr(tag.attrs, 'w:abstractNumId') ?? '', (abstract = new Map()));
    else if (tag.name === 'w:lvl' && abstract && endsWith(stack, 'w:abstractNum')) {
      level = { start: 1, format: 'decimal', text: '', legal: false };
      abstract.set(Number(attr(tag.attrs, 'w:ilvl') ?? 0), level);
    } else if (level && endsWith(stack, 'w:lvl')) {
      const val = attr(tag.attrs, 'w:val');
      if (tag.name === 'w:start') level.start = Number(val ?? 1);
      if (tag.name === 'w:numFmt') level.format = val ?? 'decimal';
      if (tag.name === 'w:lvlText') level.text = val ?? '';
      if (tag.name === 'w:isLgl') level.legal = val !== '0' && val !== 'false';
    } else if (tag.name === 'w:num') {
      num = { abstract: '', starts: new Map() };
      nums.set(attr(tag.attrs, 'w:numId') ?? '', num);
    } else if (num && tag.name === 'w:abstractNumId') num.abstract = attr(tag.attrs, 'w:val') ?? '';
    else if (num && tag.name === 'w:lvlOverride') override = Number(attr(tag.attrs, 'w:ilvl') ?? 0);
    else if (num && override !== undefined && tag.name === 'w:startOverride') num.starts.set(override, Number(attr(tag.attrs, 'w:val') ?? 1));
  });
  return { abstracts, nums };
}

/** Paragraph styles that carry numbering (as Word's numbered heading styles do), with what they are based on. */
export function readStyleNumbering(xml: string): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  let current: { numId?: string; ilvl?: number; basedOn?: string } | undefined;
  walk(xml, (tag, stack) => {
    if (tag.close) {
      if (tag.name === 'w:style') current = undefined;
      return;
    }
    if (tag.name === 'w:style') styles.set(attr(tag.attrs, 'w:styleId') ?? '', (current = {}));
    else if (current && tag.name === 'w:basedOn') current.basedOn = attr(tag.attrs, 'w:val') ?? '';
    else if (current && tag.name === 'w:numId' && endsWith(stack, 'w:pPr', 'w:numPr')) current.numId = attr(tag.attrs, 'w:val') ?? '';
    else if (current && tag.name === 'w:ilvl' && endsWith(stack, 'w:pPr', 'w:numPr')) current.ilvl = Number(attr(tag.attrs, 'w:val') ?? 0);
  });
  return styles;
}

/**
 * document.xml with each automatically numbered paragraph's displayed number written in as its first run,
 * between NUMBER_OPEN and NUMBER_CLOSE; and how many were written.
 */
export function injectNumbers(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): { xml: string; count: number } {
  if (!numberingXml) return { xml: documentXml, count: 0 };
  const { abstracts, nums } = readNumbering(numberingXml);
  const styles = stylesXml ? readStyleNumbering(stylesXml) : new Map();
  const counters = new Map<string, Array<number | undefined>>();
  const used = new Set<string>();
  const inserts: Array<{ at: number; text: string }> = [];
  let paragraph: { style?: string | undefined; numId?: string | undefined; ilvl?: number; start: number } | undefined;
  const paragraphs: Array<typeof paragraph> = [];

  const styleNumbering = (styleId: string | undefined) => {
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
      seen.add(id);
      const s = styles.get(id);
      if (s?.numId !== undefined) return { numId: s.numId, ilvl: s.ilvl ?? 0 };
    }
    return undefined;
  };

  const number = (p: NonNullable<typeof paragraph>, at: number) => {
    const fromStyle = styleNumbering(p.style);
    const numId = p.numId ?? fromStyle?.numId;
    const ilvl = p.ilvl ?? fromStyle?.ilvl ?? 0;
    const num = numId !== undefined && numId !== '0' ? nums.get(numId) : undefined;
    const levels = num && abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return;
    // Instances of one abstract list share its count, as in Word, unless an instance starts a level again.
    const count = counters.get(num.abstract) ?? [];
    counters.set(num.abstract, count);
    if (!used.has(numId!)) {
      used.add(numId!);
      for (const [l, start] of num.starts) count[l] = start - 1;
    }
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) count[deeper] = undefined;
    if (level.format === 'bullet' || level.format === 'none') return;
    const text = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const lv = levels.get(l);
      const value = count[l] ?? lv?.start ?? 1;
      return formatNumber(value, level.legal && l < ilvl ? 'decimal' : (lv?.format ?? 'decimal'));
    });
    if (text) inserts.push({ at, text });
  };

  walk(documentXml, (tag, stack) => {
    if (tag.name === 'w:p' && !tag.close) {
      if (paragraph) paragraphs.push(paragraph);
      paragraph = { start: tag.end };
      if (tag.selfClosing) paragraph = paragraphs.pop();
      return;
    }
    if (!paragraph) return;
    if (tag.name === 'w:p' && tag.close) {
      paragraph = paragraphs.pop();
      return;
    }
    if (tag.close && tag.name === 'w:pPr' && endsWith(stack, 'w:p')) {
      number(paragraph, tag.end);
      return;
    }
    if (tag.close) return;
    if (tag.name === 'w:pStyle' && endsWith(stack, 'w:p', 'w:pPr')) paragraph.style = attr(tag.attrs, 'w:val');
    if (tag.name === 'w:numId' && endsWith(stack, 'w:p', 'w:pPr', 'w:numPr')) paragraph.numId = attr(tag.attrs, 'w:val');
    if (tag.name === 'w:ilvl' && endsWith(stack, 'w:p', 'w:pPr', 'w:numPr')) paragraph.ilvl = Number(attr(tag.attrs, 'w:val') ?? 0);
  });

  let xml = documentXml;
  for (const { at, text } of [...inserts].reverse()) {
    const run = `<w:r><w:t xml:space="preserve">${NUMBER_OPEN}${escapeMarkup(text)}${NUMBER_CLOSE}</w:t></w:r>`;
    xml = xml.slice(0, at) + run + xml.slice(at);
  }
  return { xml, count: inserts.length };
}
