import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode } from '../src/core/decode.ts';
import { importSpeech, textParagraphs } from '../src/core/import/index.ts';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { main } from '../src/node/cli.ts';
import { segment } from './helpers/import.ts';
import { fixture } from './helpers/speech.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The sub-points' ids of a deck, section by section. */
const pointIds = (markdown: string) => parse(markdown).sections.map((s) => s.points.map((p) => p.id));

describe('sub-point headings repeated under different sections (（一）主要成效 in each part)', () => {
  const speech = fixture('repeated-points.md');

  it('are normal: no warning, and each slide has its own address, named by its section', () => {
    const deck = parse(speech);
    expect(deck.problems).toEqual([]);
    expect(pointIds(speech)).toEqual([
      ['经济发展-一-主要成效', '经济发展-二-存在问题'],
      ['社会民生-一-主要成效', '社会民生-二-存在问题'],
      ['生态环境-一-主要成效', '生态环境-二-存在问题'],
    ]);
    const ids = spokenSlides(deck).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keep their addresses when a section is added before them', () => {
    const added = speech.replace('## 一、经济发展', '## 一、党的建设\n\n### （一）主要成效\n\n加强党的建设。\n\n## 二、经济发展');
    expect(pointIds(added).slice(1)).toEqual(pointIds(speech));
  });

  it('are not reported by check', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await expect(main(['check', 'test/fixtures/repeated-points.md'])).resolves.toBe(0);
    expect(log.mock.calls.map((args) => String(args[0]))).toEqual([
      '检查了“test/fixtures/repeated-points.md”：没有发现问题 · test/fixtures/repeated-points.md: no problems found',
    ]);
  });

  it('are not reported for a text file imported as the studio imports it, whose deck keeps unique addresses', () => {
    const text = decode(readFileSync('test/fixtures/import/repeated-points.txt')).text;
    const { markdown } = importSpeech(textParagraphs(text), { segment });
    const deck = parse(markdown);
    expect(deck.sections.map((s) => s.points.map((p) => p.heading.text))).toEqual(Array(3).fill(['（一）主要成效', '（二）存在问题']));
    expect(deck.problems.filter((p) => /已经用过|used already/.test(p.message))).toEqual([]);
    const ids = spokenSlides(deck).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('headings the audience could not tell apart', () => {
  it('are warned about where two slides of one section share a heading, enumerators aside', () => {
    const deck = parse('# 题目\n\n## 一、部分\n\n### （一）同名\n\n话。\n\n### （二）同名\n\n话。\n\n## 二、另一部分\n\n### （一）同名\n\n话。\n');
    expect(deck.problems).toEqual([
      {
        line: 9,
        severity: 'warning',
        message:
          '这一部分第 5 行已经用过标题“同名”：请给这一部分的每张幻灯片一个自己的标题 · the heading "同名" is used already on line 5 in this section: give each of its slides its own heading',
      },
    ]);
    const ids = spokenSlides(deck).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are warned about where two sections share a title', () => {
    const deck = parse('# 题目\n\n## 一、同名\n\n话。\n\n## 二、同名\n\n话。\n');
    expect(deck.problems).toEqual([{ line: 7, severity: 'warning', message: expect.stringMatching(/^部分标题“同名”在第 3 行已经用过/) }]);
  });
});
