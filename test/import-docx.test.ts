import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../src/node/speech/import-file.ts';
import { embedPictures } from '../src/node/speech/images.ts';
import { render } from '../src/render/html.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { expectFaithful, treeShape, type TreeShape } from './helpers/import.ts';

/**
 * Word files made here with the `docx` package, one per way offices mark a speech's structure. Each fixture
 * lists its paragraphs once: they make the document, and what Word shows of them (numbers included) is the
 * text the imported notes must equal.
 */
type Para = { text: string; shown?: string; heading?: 'title' | 1 | 2; numbered?: 0 | 1; bold?: string; image?: true; table?: string[][] };

const TITLE = '在全县安全生产工作会议上的讲话';
const DATE = '（2024年3月1日）';
const OPENING = '今天召开全县安全生产工作会议，主要任务是总结去年工作，部署今年任务。';
const S1 = '提高思想认识，压实安全责任';
const S1_INTRO = '安全生产事关人民群众生命财产安全，事关改革发展稳定大局。';
const P11 = '牢固树立安全发展理念';
const P11_BODY = '要始终把人民生命安全放在首位，坚持“人民至上、生命至上”，绝不能以牺牲安全为代价换取发展。';
const P12 = '清醒认识当前严峻形势';
const P12_BODY = '去年一般事故仍时有发生，隐患排查不彻底、整改不到位的问题依然存在。';
const S2 = '突出工作重点，防范重大风险';
const S2_INTRO = '今年要重点抓好以下几个行业领域。';
const P21 = '抓好道路交通安全';
const P21_BODY = '深入开展“两客一危”车辆专项整治，严厉打击超速超载、酒驾醉驾等违法行为。';
const P22 = '抓好消防安全';
const P22_BODY = '聚焦人员密集场所、高层建筑，扎实开展消防安全隐患排查整治。';
const CLOSING = '同志们，安全生产只有起点，没有终点。希望大家抓紧抓实抓细各项工作，为全县高质量发展创造良好环境。';

const TREE = (s1: string, s2: string, points: string[][]): TreeShape => ({
  title: TITLE,
  meta: { date: '2024年3月1日' },
  opening: true,
  sections: [
    { heading: s1, points: points[0]! },
    { heading: s2, points: points[1]! },
  ],
  closing: '同志们',
});

const FIXTURES: Record<string, { paragraphs: Para[]; tree: TreeShape; separateLists?: boolean }> = {
  // Word's Title and Heading 1/2 styles, the numbers typed.
  headings: {
    paragraphs: [
      { text: TITLE, heading: 'title' },
      { text: DATE },
      { text: OPENING },
      { text: `一、${S1}`, heading: 1 },
      { text: S1_INTRO },
      { text: `（一）${P11}`, heading: 2 },
      { text: P11_BODY },
      { text: `（二）${P12}`, heading: 2 },
      { text: P12_BODY },
      { text: `二、${S2}`, heading: 1 },
      { text: S2_INTRO },
      { text: `（一）${P21}`, heading: 2 },
      { text: P21_BODY },
      { text: `（二）${P22}`, heading: 2 },
      { text: P22_BODY },
      { text: CLOSING },
    ],
    tree: TREE(`一、${S1}`, `二、${S2}`, [
      [`（一）${P11}`, `（二）${P12}`],
      [`（一）${P21}`, `（二）${P22}`],
    ]),
  },
  // Word's automatic Chinese numbering (一、 and （一）), in paragraphs of no heading style: the numbers exist only
  // in numbering.xml, and the (一) of the second section starts again.
  numbering: {
    paragraphs: [
      { text: TITLE, heading: 'title' },
      { text: DATE },
      { text: OPENING },
      { text: S1, shown: `一、${S1}`, numbered: 0 },
      { text: S1_INTRO },
      { text: `${P11}。${P11_BODY}`, shown: `（一）${P11}。${P11_BODY}`, numbered: 1 },
      { text: `${P12}。${P12_BODY}`, shown: `（二）${P12}。${P12_BODY}`, numbered: 1 },
      { text: S2, shown: `二、${S2}`, numbered: 0 },
      { text: S2_INTRO },
      { text: `${P21}。${P21_BODY}`, shown: `（一）${P21}。${P21_BODY}`, numbered: 1 },
      { text: `${P22}。${P22_BODY}`, shown: `（二）${P22}。${P22_BODY}`, numbered: 1 },
      { text: CLOSING },
    ],
    tree: TREE(`一、${S1}`, `二、${S2}`, [
      [`（一）${P11}`, `（二）${P12}`],
      [`（一）${P21}`, `（二）${P22}`],
    ]),
  },
  // The same with two lists, as many offices set them up: 一、 for sections and （一） (custom text （%1）) for
  // sub-points, the sub-point list started again in each section (a new list instance with a start override).
  'numbering-lists': {
    separateLists: true,
    paragraphs: [
      { text: TITLE, heading: 'title' },
      { text: DATE },
      { text: OPENING },
      { text: S1, shown: `一、${S1}`, numbered: 0 },
      { text: S1_INTRO },
      { text: `${P11}。${P11_BODY}`, shown: `（一）${P11}。${P11_BODY}`, numbered: 1 },
      { text: `${P12}。${P12_BODY}`, shown: `（二）${P12}。${P12_BODY}`, numbered: 1 },
      { text: S2, shown: `二、${S2}`, numbered: 0 },
      { text: S2_INTRO },
      { text: `${P21}。${P21_BODY}`, shown: `（一）${P21}。${P21_BODY}`, numbered: 1 },
      { text: `${P22}。${P22_BODY}`, shown: `（二）${P22}。${P22_BODY}`, numbered: 1 },
      { text: CLOSING },
    ],
    tree: TREE(`一、${S1}`, `二、${S2}`, [
      [`（一）${P11}`, `（二）${P12}`],
      [`（一）${P21}`, `（二）${P22}`],
    ]),
  },
  // Sub-points marked by a bold lead sentence, at the start of a paragraph or run into one.
  bold: {
    paragraphs: [
      { text: TITLE },
      { text: DATE },
      { text: OPENING },
      { text: `一、${S1}。${S1_INTRO}` },
      { text: `${P11}。${P11_BODY}`, bold: `${P11}。` },
      { text: `${P12}。${P12_BODY}`, bold: `${P12}。` },
      { text: `二、${S2}。${S2_INTRO}${P21}。${P21_BODY}${P22}。${P22_BODY}`, bold: `${P21}。|${P22}。` },
      { text: CLOSING },
    ],
    tree: TREE(`一、${S1}`, `二、${S2}`, [
      [P11, P12],
      [P21, P22],
    ]),
  },
  // A picture inside the first sub-point.
  picture: {
    paragraphs: [
      { text: TITLE, heading: 'title' },
      { text: DATE },
      { text: OPENING },
      { text: `一、${S1}`, heading: 1 },
      { text: S1_INTRO },
      { text: P11, heading: 2 },
      { text: '', image: true },
      { text: P11_BODY },
      { text: P12, heading: 2 },
      { text: P12_BODY },
      { text: `二、${S2}`, heading: 1 },
      { text: S2_INTRO },
      { text: P21, heading: 2 },
      { text: P21_BODY },
      { text: P22, heading: 2 },
      { text: P22_BODY },
      { text: CLOSING },
    ],
    tree: TREE(`一、${S1}`, `二、${S2}`, [
      [P11, P12],
      [P21, P22],
    ]),
  },
  // A table in the second section's opening text.
  table: {
    paragraphs: [
      { text: TITLE, heading: 'title' },
      { text: DATE },
      { text: OPENING },
      { text: `一、${S1}`, heading: 1 },
      { text: S1_INTRO },
      { text: P11, heading: 2 },
      { text: P11_BODY },
      { text: P12, heading: 2 },
      { text: P12_BODY },
      { text: `二、${S2}`, heading: 1 },
      { text: S2_INTRO },
      {
        text: '',
        table: [
          ['指标', '去年', '今年目标'],
          ['事故起数', '十二起', '十起以内'],
        ],
      },
      { text: P21, heading: 2 },
      { text: P21_BODY },
      { text: P22, heading: 2 },
      { text: P22_BODY },
      { text: CLOSING },
    ],
    tree: TREE(`一、${S1}`, `二、${S2}`, [
      [P11, P12],
      [P21, P22],
    ]),
  },
  // Saved with no styles at all (no styles.xml, no numbering.xml): the structure comes from the text alone.
  'no-styles': {
    paragraphs: [
      { text: TITLE },
      { text: DATE },
      { text: OPENING },
      { text: `一、${S1}` },
      { text: S1_INTRO },
      { text: `（一）${P11}。${P11_BODY}` },
      { text: `（二）${P12}。${P12_BODY}` },
      { text: `二、${S2}` },
      { text: S2_INTRO },
      { text: `（一）${P21}。${P21_BODY}` },
      { text: `（二）${P22}。${P22_BODY}` },
      { text: CLOSING },
    ],
    tree: TREE(`一、${S1}`, `二、${S2}`, [
      [`（一）${P11}`, `（二）${P12}`],
      [`（一）${P21}`, `（二）${P22}`],
    ]),
  },
};

let png: Buffer;

function runs(p: Para): TextRun[] {
  if (!p.bold) return [new TextRun(p.text)];
  const bold = p.bold.split('|');
  const out: TextRun[] = [];
  let rest = p.text;
  for (const b of bold) {
    const at = rest.indexOf(b);
    if (at > 0) out.push(new TextRun(rest.slice(0, at)));
    out.push(new TextRun({ text: b, bold: true }));
    rest = rest.slice(at + b.length);
  }
  if (rest) out.push(new TextRun(rest));
  return out;
}

/** Which list a numbered paragraph is in: one two-level list, or a list per level with the inner one restarted per section. */
function numbering(p: Para, separate: boolean, section: number) {
  if (p.numbered === undefined) return {};
  if (!separate) return { numbering: { reference: 'chinese', level: p.numbered } };
  return { numbering: p.numbered === 0 ? { reference: 'sections', level: 0 } : { reference: 'points', level: 0, instance: section } };
}

function element(p: Para, separate = false, section = 0): Paragraph | Table {
  if (p.table) {
    return new Table({ rows: p.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) });
  }
  if (p.image) {
    return new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: 160, height: 90 },
          altText: { name: 'chart', description: '事故起数逐年下降', title: '图' },
        }),
      ],
    });
  }
  const heading = p.heading === 'title' ? HeadingLevel.TITLE : p.heading === 1 ? HeadingLevel.HEADING_1 : p.heading === 2 ? HeadingLevel.HEADING_2 : undefined;
  return new Paragraph({
    children: runs(p),
    ...(heading ? { heading } : {}),
    ...numbering(p, separate, section),
  });
}

async function makeDocx(name: string, paragraphs: Para[], separate = false): Promise<Buffer> {
  const level = (n: number, text: string) => ({ level: n, format: LevelFormat.CHINESE_COUNTING, text, alignment: AlignmentType.START });
  let section = 0;
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'chinese', levels: [level(0, '%1、'), level(1, '（%2）')] },
        { reference: 'sections', levels: [level(0, '%1、')] },
        { reference: 'points', levels: [level(0, '（%1）')] },
      ],
    },
    sections: [{ children: paragraphs.map((p) => element(p, separate, p.numbered === 0 ? ++section : section)) }],
  });
  const buffer = await Packer.toBuffer(doc);
  if (name !== 'no-styles') return buffer;
  // Remove every style and numbering part, as a plain writer saves it.
  const zip = await JSZip.loadAsync(buffer);
  zip.remove('word/styles.xml');
  zip.remove('word/numbering.xml');
  const drop = (xml: string) => xml.replace(/<(Override|Relationship)\b[^>]*(styles|numbering)\.xml"[^>]*\/>/g, '');
  zip.file('[Content_Types].xml', drop(await zip.file('[Content_Types].xml')!.async('string')));
  zip.file('word/_rels/document.xml.rels', drop(await zip.file('word/_rels/document.xml.rels')!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** What Word shows, paragraph by paragraph: the source text the notes must equal. */
function shownText(paragraphs: Para[]): string {
  return paragraphs.map((p) => (p.table ? p.table.map((r) => r.join(' ')).join('\n') : (p.shown ?? p.text))).join('\n');
}

let dir: string;
const results: Record<string, ImportResult> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'speech-deck-docx-'));
  png = await sharp({ create: { width: 160, height: 90, channels: 3, background: '#b71c1c' } })
    .png()
    .toBuffer();
  for (const [name, { paragraphs, separateLists }] of Object.entries(FIXTURES)) {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, await makeDocx(name, paragraphs, separateLists));
    results[name] = await importFile({ input: file, output: join(dir, 'out', `${name}.md`) });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('importing Word files', () => {
  for (const [name, { paragraphs, tree }] of Object.entries(FIXTURES)) {
    it(`${name}.docx: finds the expected tree`, () => {
      expect(treeShape(results[name]!.imported)).toEqual(tree);
    });

    it(`${name}.docx: notes equal what Word shows, numbers included; every phrase is from its own slide`, () => {
      expectFaithful(results[name]!.imported, shownText(paragraphs), [DATE]);
    });
  }

  it('names the rule that found each part: Word styles, Word numbering, bold leads, the text alone', () => {
    const found = (name: string) => {
      const { tree } = results[name]!.imported;
      return [tree.title.found, tree.sections[0]!.heading.found, tree.sections[0]!.points[0]!.heading.found];
    };
    expect(found('headings')).toEqual(['title-style', 'heading-style', 'heading-style']);
    expect(found('numbering')).toEqual(['title-style', 'numbered', 'numbered']);
    expect(found('numbering-lists')).toEqual(['title-style', 'numbered', 'numbered']);
    expect(found('bold')).toEqual(['first-line', 'numbered', 'bold']);
    expect(found('no-styles')).toEqual(['first-line', 'numbered', 'numbered']);
  });

  it('reports the numbers Word displays, as paragraph numbers of the document', () => {
    const { report } = results.numbering!;
    expect(report).toMatch(/部分 · section +4 +一、提高思想认识，压实安全责任 +〔编号 · its number〕/);
    expect(report).toMatch(/小点 · point +10 +（一）抓好道路交通安全/);
    expect(report).toContain('数字是原文的第几段');
  });

  it('saves the picture beside the Markdown and shows it on its slide', () => {
    const { imported, written } = results.picture!;
    const saved = join(dir, 'out', 'picture-images', 'image1.png');
    expect(written).toEqual([saved, join(dir, 'out', 'picture.md')]);
    expect(readFileSync(saved).equals(png)).toBe(true);
    expect(imported.markdown).toContain(`### ${P11}\n`);
    expect(imported.markdown).toContain('![事故起数逐年下降](picture-images/image1.png)');
    const slide = imported.deck.sections[0]!.points[0]!;
    expect(slide.visible.filter((v) => v.kind === 'image').map((v) => v.html)).toEqual(['<img src="picture-images/image1.png" alt="事故起数逐年下降" />']);
    expect(results.picture!.report).toContain('1 张图片存进了');
  });

  it('embeds the saved picture in the deck, which admits only data: images; a missing or false picture is an error', async () => {
    const md = join(dir, 'out', 'picture.md');
    const { deck } = loadSpeech(md);
    expect(deck.problems).toEqual([]);
    expect(await embedPictures(deck, md)).toEqual([]);
    expect(render(deck).slides).toMatch(
      /<img[^>]* src="data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+"[^>]* alt="事故起数逐年下降"|<img[^>]* alt="事故起数逐年下降"[^>]* src="data:image\/(png|jpeg);base64,/,
    );
    writeFileSync(join(dir, 'out', 'broken.md'), `# 题目\n\n## 一、部分\n\n![缺](nowhere.png)\n\n![假](broken.md)\n\n话。\n`);
    const broken = loadSpeech(join(dir, 'out', 'broken.md')).deck;
    expect(broken.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([5, 7]);
    rmSync(join(dir, 'out', 'broken.md'));
  });

  it('turns a table into spoken text, a paragraph a row, and says so', () => {
    const { imported, report } = results.table!;
    expect(imported.deck.sections[1]!.opener.notes.map((n) => n.text)).toEqual([`二、${S2}`, S2_INTRO, '指标 去年 今年目标', '事故起数 十二起 十起以内']);
    expect(report).toMatch(/table\.md:\d+: 这里的表格改成了讲话文字.*a table here became spoken text/);
  });

  it('writes only the files it reports', () => {
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([...Object.keys(FIXTURES).map((n) => `${n}.md`), 'picture-images'].sort());
  });
});
