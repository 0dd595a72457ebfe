/**
 * Word's automatic numbering as the reader sees it. mammoth tells only whether a paragraph is in an ordered
 * list, not the number Word displays (一、 （一） 1.), so this reads numbering.xml and styles.xml, counts the
 * numbered paragraphs of document.xml in order as Word does, and writes each displayed number into its paragraph
 * as a first run between two private-use marks, where the reader picks it up again as the paragraph's numbering.
 *
 * WordprocessingML is machine-written XML, so a scan of its tags (with an element stack, so that numbering in a
 * tracked change or a nested text box is told apart) is enough; no XML library is needed beside mammoth's own.
 */

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

interface Tag {
  close: boolean;
  name: string;
  attrs: string;
  selfClosing: boolean;
  index: number;
  end: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

function* tags(xml: string): Generator<Tag> {
  for (const m of xml.matchAll(TAG)) {
    if (!m[2]) continue;
    yield { close: m[1] === '/', name: m[2], attrs: m[3] ?? '', selfClosing: m[4] === '/', index: m.index, end: m.index + m[0].length };
  }
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** Walks the tags with the names of the open elements, innermost last. */
function walk(xml: string, visit: (tag: Tag, stack: readonly string[]) => void): void {
  const stack: string[] = [];
  for (const tag of tags(xml)) {
    if (tag.close) {
      const at = stack.lastIndexOf(tag.name);
      if (at >= 0) stack.length = at;
      visit(tag, stack);
      continue;
    }
    visit(tag, stack);
    if (!tag.selfClosing) stack.push(tag.name);
  }
}

const endsWith = (stack: readonly string[], ...names: string[]) => names.every((n, i) => stack[stack.length - names.length + i] === n);

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
    const run = `<w:r><w:t xml:space="preserve">${NUMBER_OPEN}${escapeXml(text)}${NUMBER_CLOSE}</w:t></w:r>`;
    xml = xml.slice(0, at) + run + xml.slice(at);
  }
  return { xml, count: inserts.length };
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** A count written in one of Word's number formats (w:numFmt). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographLegalTraditional':
      return chineseCounting(n, CN_DIGITS, format === 'ideographLegalTraditional' ? ['拾', '佰', '仟'] : ['十', '百', '千']);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10]!;
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12]!;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(n);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, as Word's Chinese counting writes them. */
function chineseCounting(n: number, digits: string, units: readonly [string, string, string]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const [ten, hundred, thousand] = units;
  const places: Array<[number, string]> = [[1000, thousand], [100, hundred], [10, ten], [1, '']];
  let out = '';
  let zero = false;
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    // Counting says 零 for a gap (一百零五); digit-by-digit writing keeps 〇.
    if (zero) out += '零';
    zero = false;
    // 十二, not 一十二, when ten is the highest place.
    out += (value === 10 && !out && d === 1 ? '' : digits[d]) + unit;
  }
  return out;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) for (; n >= value; n -= value) out += letters;
  return out;
}
