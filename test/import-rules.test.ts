import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSING_CUES, importSpeech, textParagraphs, type Imported, type SourceParagraph } from '../src/core/import/index.ts';
import { chineseNumber, leadingMarker, ordinals } from '../src/core/import/markers.ts';
import { parallelGroup } from '../src/core/import/parallel.ts';
import { findStructure } from '../src/core/import/structure.ts';
import { formatNumber } from '../src/core/docx/number-formats.ts';
import { injectNumbers } from '../src/core/docx/numbering.ts';
import { paragraphStyle } from '../src/core/docx/reader.ts';
import { expectFaithful, segment, treeShape } from './helpers/import.ts';

/** Paragraphs from lines of text, as a text file gives them. */
const lines = (...text: string[]) => textParagraphs(text.join('\n'));
const tree = (...text: string[]) => findStructure(lines(...text));
const imported = (paragraphs: SourceParagraph[]): Imported => importSpeech(paragraphs, { segment });
const points = (...text: string[]) => tree(...text).sections.map((s) => s.points.map((p) => p.heading.text));

const BODY = '要坚持问题导向，把各项工作抓紧抓实抓细，确保取得实效。';

describe('enumerators', () => {
  it('reads Chinese numerals up to ninety-nine', () => {
    expect(['一', '九', '十', '十一', '十九', '二十', '二十三', '九十九'].map(chineseNumber)).toEqual([1, 9, 10, 11, 19, 20, 23, 99]);
    expect(['', '十十', '二二', '百'].map(chineseNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('tells the kinds apart at the start of a paragraph, outermost first', () => {
    const kind = (text: string) => leadingMarker(text) && [leadingMarker(text)!.kind, leadingMarker(text)!.number];
    expect(kind('一、加强学习')).toEqual(['part', 1]);
    expect(kind('十二、加强学习')).toEqual(['part', 12]);
    expect(kind('第三部分　加强学习')).toEqual(['part', 3]);
    expect(kind('第二、加强学习')).toEqual(['part', 2]);
    expect(kind('（一）加强学习')).toEqual(['paren', 1]);
    expect(kind('(二)加强学习')).toEqual(['paren', 2]);
    expect(kind('3.加强学习')).toEqual(['arabic', 3]);
    expect(kind('4、加强学习')).toEqual(['arabic', 4]);
    expect(kind('（5）加强学习')).toEqual(['arabicParen', 5]);
    // Not enumerators: a decimal number, a year, a word that starts with a numeral.
    expect(['1.5亿元投资', '2024年工作', '一定要加强', '十分重要'].map(leadingMarker)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('finds 一是/二是 and 第一，第二， run into the text, only at a sentence or clause start', () => {
    expect(ordinals('一是加强学习；二是改进作风。三是狠抓落实。').map((o) => [o.number, o.at])).toEqual([
      [1, 0],
      [2, 7],
      [3, 14],
    ]);
    expect(ordinals('第一，要学习。第二，要落实。').map((o) => o.number)).toEqual([1, 2]);
    expect(ordinals('这一是非问题，统一是前提。')).toEqual([]);
  });
});

describe('the title and the lines under it', () => {
  it('takes a short first line as the title', () => {
    expect(tree('在全县工作会议上的讲话', BODY).title).toMatchObject({ text: '在全县工作会议上的讲话', found: 'first-line' });
  });

  it("takes Word's Title style, and a lone top heading above lower ones", () => {
    expect(
      findStructure([
        { line: 1, text: '讲话', style: { title: true } },
        { line: 2, text: BODY },
      ]).title.found,
    ).toBe('title-style');
    const headed = findStructure([
      { line: 1, text: '在全县工作会议上的讲话', style: { heading: 1 } },
      { line: 2, text: '一、加强学习', style: { heading: 2 } },
      { line: 3, text: BODY },
      { line: 4, text: '（一）学原文', style: { heading: 3 } },
      { line: 5, text: BODY },
    ]);
    expect(treeShape({ tree: headed } as Imported)).toMatchObject({
      title: '在全县工作会议上的讲话',
      sections: [{ heading: '一、加强学习', points: ['（一）学原文'] }],
    });
  });

  it('without a title line, lets the first sentence stand in, still spoken once, and says so', () => {
    const paragraphs = lines(`同志们，今天我们开会。${BODY}`);
    const result = imported(paragraphs);
    expect(result.tree.title).toMatchObject({ text: '同志们，今天我们开会。', found: 'first-sentence' });
    expect(result.tree.notices[0]!.en).toMatch(/^no title line found/);
    expectFaithful(result, `同志们，今天我们开会。${BODY}`);
  });

  it('moves a date, a speaker and an occasion line under the title into the front matter', () => {
    const t = tree('讲话', '——在全县安全生产工作会议上', '县长　张三', '（2024年3月1日）', '同志们：', BODY);
    expect(t.meta.map((m) => [m.key, m.value])).toEqual([
      ['occasion', '在全县安全生产工作会议上'],
      ['speaker', '县长 张三'],
      ['date', '2024年3月1日'],
    ]);
    expect(tree('讲话', '（张三　二〇二四年三月一日）', BODY).meta.map((m) => m.value)).toEqual(['张三 二〇二四年三月一日']);
    expect(tree('在全县工作会议上的讲话', BODY).occasionFromTitle).toBe('全县工作会议');
  });

  it('leaves greetings and sentences under the title in the speech', () => {
    expect(tree('讲话', '同志们：', BODY).meta).toEqual([]);
    expect(tree('讲话', '尊敬的各位领导', BODY).meta).toEqual([]);
    expect(tree('讲话', '今天开会。', BODY).meta).toEqual([]);
  });
});

describe('sections', () => {
  const headings = (...text: string[]) => tree(...text).sections.map((s) => s.heading.text);

  it('come from 一、二、… and 第一部分, numbered in order; a number out of order stays text', () => {
    expect(headings('讲话', '一、加强学习', BODY, '二、改进作风', BODY)).toEqual(['一、加强学习', '二、改进作风']);
    expect(headings('讲话', '第一部分　加强学习', BODY, '第二部分　改进作风', BODY)).toEqual(['第一部分　加强学习', '第二部分　改进作风']);
    expect(headings('讲话', '一、加强学习', BODY, '三、改进作风', BODY)).toEqual(['一、加强学习']);
  });

  it("come from Word's top heading level", () => {
    const t = findStructure([
      { line: 1, text: '讲话', style: { title: true } },
      { line: 2, text: '加强学习', style: { heading: 1 } },
      { line: 3, text: BODY },
      { line: 4, text: '改进作风', style: { heading: 1 } },
      { line: 5, text: BODY },
    ]);
    expect(t.sections.map((s) => [s.heading.text, s.heading.found])).toEqual([
      ['加强学习', 'heading-style'],
      ['改进作风', 'heading-style'],
    ]);
  });

  it('take the lead sentence of a paragraph as the heading, cut at a comma when long', () => {
    expect(headings('讲话', `一、以加强党性锤炼成果为动能，开展政治学习。${BODY}`)).toEqual(['一、以加强党性锤炼成果为动能，开展政治学习']);
    expect(headings('讲话', `一、关于进一步加强和改进新形势下全县机关作风建设，全面提升服务水平的几点意见。${BODY}`)).toEqual([
      '一、关于进一步加强和改进新形势下全县机关作风建设',
    ]);
  });

  it('come from （一） or 1. when the speech has nothing outer and they recur', () => {
    expect(headings('讲话', '（一）加强学习', BODY, '（二）改进作风', BODY)).toEqual(['（一）加强学习', '（二）改进作风']);
    expect(headings('讲话', '1.加强学习', BODY, '2.改进作风', BODY)).toEqual(['1.加强学习', '2.改进作风']);
    expect(headings('讲话', '（一）加强学习', BODY)).toEqual([]);
  });
});

describe('sub-points', () => {
  it('come from （一）, 1. and （1） inside a section, each numbered from one', () => {
    expect(points('讲话', '一、学习', '（一）学原文', BODY, '（二）悟原理', BODY)).toEqual([['（一）学原文', '（二）悟原理']]);
    expect(points('讲话', '一、学习', '1.学原文', BODY, '2.悟原理', BODY)).toEqual([['1.学原文', '2.悟原理']]);
    expect(points('讲话', '一、学习', '（1）学原文', BODY, '（2）悟原理', BODY)).toEqual([['（1）学原文', '（2）悟原理']]);
  });

  it('come from 一是/二是 run into the text, two or more, the heading cut at the first comma when long', () => {
    expect(points('讲话', `一、学习。一是学原文。${BODY}二是悟原理，${BODY}`)).toEqual([['学原文', '悟原理']]);
    expect(points('讲话', `一、学习。一是学原文。${BODY}`)).toEqual([[]]);
  });

  it("come from Word's heading style below the section's", () => {
    const t = findStructure([
      { line: 1, text: '讲话', style: { title: true } },
      { line: 2, text: '一、学习', style: { heading: 1 } },
      { line: 3, text: '学原文', style: { heading: 2 } },
      { line: 4, text: BODY },
    ]);
    expect(t.sections[0]!.points.map((p) => [p.heading.text, p.heading.found])).toEqual([['学原文', 'heading-style']]);
  });

  it('come from a bold lead sentence at the start of a paragraph or of a sentence inside one', () => {
    const t = findStructure([
      { line: 1, text: '讲话' },
      { line: 2, text: '一、学习' },
      { line: 3, text: `学原文。${BODY}`, bold: [[0, 4]] },
      { line: 4, text: `${BODY}悟原理。${BODY}`, bold: [[BODY.length, BODY.length + 4]] },
      // Bold in the middle of a sentence is emphasis, not a heading.
      { line: 5, text: `要${BODY}`, bold: [[3, 7]] },
    ]);
    expect(t.sections[0]!.points.map((p) => [p.heading.text, p.heading.found, p.line])).toEqual([
      ['学原文', 'bold', 3],
      ['悟原理', 'bold', 4],
    ]);
  });

  it('come from parallel short sentences of one shape with text between them', () => {
    const said = (s: string) => `${s}。${BODY}`;
    expect(points('讲话', `一、学习。${said('用定位找准坐标点')}${said('用成绩强化着力点')}${said('用创新营造闪光点')}`)).toEqual([
      ['用定位找准坐标点', '用成绩强化着力点', '用创新营造闪光点'],
    ]);
    expect(points('讲话', `一、廉政。${said('要追求名节，不要追名逐利')}`, said('要以权谋事，不要以权谋私'))).toEqual([
      ['要追求名节，不要追名逐利', '要以权谋事，不要以权谋私'],
    ]);
  });

  it('are not found in short sentences that follow one another, differ in shape, or are long', () => {
    expect(parallelGroup(['用定位找准坐标点。', '用成绩强化着力点。', BODY])).toEqual([]);
    expect(parallelGroup(['用定位找准坐标点。', BODY, '坚持把学习抓好。', BODY])).toEqual([]);
    expect(parallelGroup(['要坚持以人民为中心的发展思想不动摇。', BODY, '要坚持以人民为中心的工作导向不放松。', BODY])).toEqual([]);
    expect(parallelGroup(['用定位找准坐标点。', BODY, '用成绩强化着力点。', BODY])).toEqual([0, 2]);
  });

  it('leave a section without any as one slide, and say so', () => {
    const t = tree('讲话', '一、学习', BODY, '二、落实', BODY);
    expect(t.sections.map((s) => s.points.length)).toEqual([0, 0]);
    expect(t.notices.filter((n) => n.en.startsWith('no sub-points')).map((n) => n.line)).toEqual([2, 4]);
  });
});

describe('the opening and the closing', () => {
  it('the opening is what comes before the first section', () => {
    const t = tree('讲话', '同志们：', BODY, '一、学习', BODY);
    expect(t.opening?.paragraphs.map((p) => p.kind === 'text' && p.text)).toEqual(['同志们：', BODY]);
  });

  for (const cue of CLOSING_CUES) {
    it(`a paragraph after the last section's heading starting with “${cue}” starts the closing`, () => {
      const t = tree('讲话', '一、学习', BODY, `${cue}，让我们共同努力。`);
      expect(t.closing?.cue).toBe(cue);
      expect(t.sections[0]!.intro.paragraphs).toHaveLength(2);
    });
  }

  it('is not looked for before the last section, nor in its heading', () => {
    const t = tree('讲话', '一、学习', `总之，${BODY}`, '二、落实', BODY, `最后，${BODY}`);
    expect(t.closing?.line).toBe(6);
    expect(tree('讲话', '一、学习', BODY, `二、总之要落实。${BODY}`).closing).toBeUndefined();
  });

  it('without a cue word there is no closing: the last paragraph stays in the last section, and the report says how to move it', () => {
    const t = tree('讲话', '一、学习', BODY, '希望大家共同努力。');
    expect(t.closing).toBeUndefined();
    expect(t.notices.at(-1)!.en).toMatch(/^no closing found .* put a line "---" above it/);
  });
});

describe('key phrases', () => {
  it('are pieces of the slide between punctuation marks, 6 to 24 characters, never the heading, never twice', () => {
    const result = imported(
      lines('讲话', '一、学习', `学习好、领会好、贯彻好党的二十大精神，${BODY}`, '二、落实', `学习好、领会好、贯彻好党的二十大精神，${BODY}`),
    );
    const shown = result.deck.sections.map((s) => s.opener.visible.map((v) => v.text));
    expect(shown[0]).toContain('学习好、领会好、贯彻好党的二十大精神');
    expect(shown[1]).not.toContain('学习好、领会好、贯彻好党的二十大精神');
    for (const phrase of shown.flat()) {
      expect([...phrase].length).toBeGreaterThanOrEqual(6);
      expect([...phrase].length).toBeLessThanOrEqual(24);
    }
    // A phrase never repeats the slide's heading.
    const headed = imported(lines('讲话', `一、加强理论学习。加强理论学习，${BODY}`));
    expect(headed.deck.sections[0]!.opener.visible.map((v) => v.text)).not.toContain('加强理论学习');
  });

  it('prefer series and quoted terms, and never show half a quotation or a greeting', () => {
    const result = imported(
      lines(
        '讲话',
        '同志们：',
        '今天我们开会，研究部署“三个一批”工作，落实党的二十大精神、省委全会精神、市委全会精神，按照“管行业必须管安全、管业务必须管安全、管生产经营必须管安全”的要求推进。',
      ),
    );
    const shown = result.deck.opening!.visible.map((v) => v.text);
    expect(shown).toContain('落实党的二十大精神、省委全会精神、市委全会精神');
    expect(shown).toContain('研究部署“三个一批”工作');
    for (const phrase of shown) {
      expect(phrase.split('“').length).toBe(phrase.split('”').length);
      expect(phrase).not.toContain('同志们');
    }
  });
});

describe('the Markdown written', () => {
  it('reads back as written: text that looks like Markdown stays text', () => {
    const tricky = [
      '1. 不是列表',
      '- 不是要点',
      '> 不是引用',
      '# 不是标题',
      '---',
      '***',
      '**不加粗** _不斜体_ `不是代码`',
      '[不是链接](http://x.cn) <b>标签</b> &amp; \\ ~~删除~~ | 表格 |',
      '![不是图片](x.png)',
    ];
    const text = ['讲话', '一、学习', ...tricky.map((t) => `${t}。${BODY}`)];
    const result = imported(lines(...text));
    expectFaithful(result, text.join('\n'));
    expect(result.deck.sections[0]!.opener.visible.filter((v) => v.kind === 'image')).toEqual([]);
  });

  it('keeps every character, in order, whatever paragraphs it is given', () => {
    const pieces = [
      '一、',
      '二、',
      '三、',
      '（一）',
      '（二）',
      '1.',
      '2.',
      '一是',
      '二是',
      '第一部分',
      '总之，',
      '最后，',
      '新的一年，',
      '同志们：',
      '用定位找准坐标点。',
      '用成绩强化着力点。',
      '要追求名节，不要追名逐利。',
      '要以权谋事，不要以权谋私。',
      BODY,
      '学习好、领会好、贯彻好。',
      '“三个一批”',
      '（2024年3月1日）',
      '县长 张三',
      '*',
      '#',
      '- ',
      '1. ',
      '>',
      '[',
      ']',
      '<',
      '&',
      '`',
      '\\',
      '~~',
      '---',
      '　',
    ];
    const paragraph = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (paras, bold) => {
        const paragraphs: SourceParagraph[] = paras.map((text, i) => ({
          line: i + 1,
          text,
          ...(bold[i] ? { bold: [[0, Math.min(4, text.length)]] as Array<[number, number]> } : {}),
        }));
        if (!paragraphs.some((p) => p.text.trim())) return;
        const result = imported(paragraphs);
        expectFaithful(
          result,
          paras.join('\n'),
          result.tree.meta.map((m) => m.text),
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe("Word's automatic numbering", () => {
  it('writes counts as Word displays them in each format', () => {
    expect([1, 2, 10, 11, 20, 21, 99, 100, 105, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一',
      '二',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    expect([1, 2, 10].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '乙', '癸']);
    expect([1, 3].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual(['壹', '叁']);
    expect([1, 12].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑫']);
    expect([1, 4, 28].map((n) => formatNumber(n, 'upperLetter'))).toEqual(['A', 'D', 'BB']);
    expect([4, 9, 14].map((n) => formatNumber(n, 'lowerRoman'))).toEqual(['iv', 'ix', 'xiv']);
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(7, 'decimal')).toBe('7');
  });

  const numberingXml = `<w:numbering>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1&#12289;"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
  </w:numbering>`;
  const stylesXml =
    '<w:styles><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:styleId="My"><w:basedOn w:val="Heading1"/></w:style></w:styles>';
  const p = (pPr: string, text: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const num = (id: number, level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;
  const shown = (xml: string) => [...xml.matchAll(/\uE000([^\uE001]*)\uE001/g)].map((m) => m[1]);

  it('counts levels as Word does: inner levels start again under each outer item', () => {
    const doc = [p(num(1, 0), 'a'), p(num(1, 1), 'b'), p(num(1, 2), 'c'), p(num(1, 2), 'd'), p(num(1, 1), 'e'), p(num(1, 0), 'f'), p(num(1, 1), 'g')].join('');
    expect(shown(injectNumbers(doc, numberingXml, stylesXml).xml)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '二、', '（一）']);
  });

  it('follows a restart, numbering carried by a style (and a style based on it), and shows no bullets', () => {
    const doc = [p(num(1, 0), 'a'), p(num(2, 0), 'b'), p('<w:pStyle w:val="Heading1"/>', 'c'), p('<w:pStyle w:val="My"/>', 'd'), p(num(3, 0), 'e')].join('');
    const result = injectNumbers(doc, numberingXml, stylesXml);
    expect(shown(result.xml)).toEqual(['一、', '五、', '六、', '七、']);
    expect(result.count).toBe(4);
  });

  it('ignores numbering in a tracked change and in paragraphs that switch it off', () => {
    const change = `<w:pPrChange><w:pPr>${num(1, 0)}</w:pPr></w:pPrChange>`;
    const doc = [p(change, 'a'), p(`<w:pStyle w:val="Heading1"/>${num(0, 0)}`, 'b'), p(num(1, 0), 'c')].join('');
    expect(shown(injectNumbers(doc, numberingXml, stylesXml).xml)).toEqual(['一、']);
  });

  it("names Word's, WPS's and Chinese style names", () => {
    expect(paragraphStyle({ styleName: 'Title' })).toEqual({ title: true });
    expect(paragraphStyle({ styleName: '标题' })).toEqual({ title: true });
    expect(paragraphStyle({ styleName: 'heading 2' })).toEqual({ heading: 2 });
    expect(paragraphStyle({ styleName: '标题 1' })).toEqual({ heading: 1 });
    expect(paragraphStyle({ styleId: 'Heading3', styleName: null })).toEqual({ heading: 3 });
    expect(paragraphStyle({ styleName: 'Normal' })).toBeUndefined();
  });
});

describe('the import core', () => {
  it('is pure, so that a browser can run it: no Node modules or globals, only core modules, yaml and markdown-it', () => {
    for (const file of readdirSync('src/core/import')) {
      const code = readFileSync(`src/core/import/${file}`, 'utf8');
      const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const from of imports) expect(from, `${file} imports ${from}`).toMatch(/^(\.\.?\/(?!\.\.\/)[\w./-]+\.ts|yaml|markdown-it)$/);
      expect(code, file).not.toMatch(/\b(process|Buffer|require|__dirname)\b/);
    }
  });
});
