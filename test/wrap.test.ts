import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { balance, chunksOf, lineBreaks, lineCount, markBreaks, pauseBreaks } from '../src/core/wrap.ts';
import { render } from '../src/render/html.ts';
import { addLineBreaks, wordBoundaries } from '../src/node/speech/words.ts';

/** The pieces a text may be set in, with the segmenter and rules the deck uses. */
const pieces = (text: string) => chunksOf(text, lineBreaks(text, wordBoundaries(text)));

describe('where a heading or key phrase may wrap', () => {
  it('only between words the segmenter found', () => {
    for (const text of [
      '中国共产党第二十次全国代表大会主要精神',
      '在全县深入学习贯彻党的二十大精神动员大会上的讲话',
      '坚持把深化理论武装加强党性修养作为终身课题来践行',
    ]) {
      const words = new Set(wordBoundaries(text));
      const breaks = lineBreaks(text, wordBoundaries(text));
      expect(breaks.length, text).toBeGreaterThan(2);
      expect(
        breaks.filter((b) => !words.has(b)),
        text,
      ).toEqual([]);
    }
  });

  it('never before a closing mark or after an opening one, and after pause marks', () => {
    const parts = pieces('增强政治意识、大局意识、核心意识、看齐意识');
    expect(parts.filter((p) => p.endsWith('、'))).toHaveLength(3);
    expect(parts.filter((p) => p.startsWith('、'))).toEqual([]);
    expect(pieces('学习《中国共产党纪律处分条例》的体会').every((p) => !/^[》、，]/.test(p) && !/《$/.test(p))).toBe(true);
  });

  it('keeps numbers with their units, dates, short quotations and fixed official terms whole', () => {
    expect(pieces('2023年10月22日在全县经济工作会议上的讲话')[0]).toMatch(/^2023年10月22日/);
    expect(pieces('第3次会议增长15.5%以上')).toEqual(expect.arrayContaining([expect.stringContaining('15.5%')]));
    expect(pieces('在“学懂”“弄通”“做实”上下功夫').join('|')).toContain('“做实”');
    const deck = parse('# 坚持和发展中国特色社会主义\n');
    addLineBreaks(deck);
    const title = deck.title.heading;
    expect(chunksOf(title.text, title.breaks!).join('|')).toContain('中国特色社会主义');
  });

  it('keeps one-character words with their neighbours, 的 with the word before and 在 with the word after', () => {
    expect(pieces('稳就业、办实事、强保障')).toEqual(['稳就业、', '办实事、', '强保障']);
    const words = pieces('在全县深入学习贯彻党的二十大精神动员大会上的讲话');
    expect(words[0]).toBe('在全县');
    expect(words).toContain('贯彻党的');
    expect(words.some((w) => /^[的上]/.test(w))).toBe(false);
  });

  it('never leaves one character alone at either end', () => {
    for (const text of ['学习研讨会上的讲话', '关于加强作风建设的几点意见', '好']) {
      const parts = pieces(text);
      if (parts.length > 1) {
        expect([...parts[0]!.replace(/\P{L}/gu, '')].length, text).toBeGreaterThanOrEqual(2);
        expect([...parts.at(-1)!.replace(/\P{L}/gu, '')].length, text).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('without word boundaries, wraps after pause marks only', () => {
    expect(chunksOf('以加强党性锤炼成果为动能，开展政治学习', pauseBreaks('以加强党性锤炼成果为动能，开展政治学习'))).toEqual([
      '以加强党性锤炼成果为动能，',
      '开展政治学习',
    ]);
  });
});

describe('marking the breaks in HTML', () => {
  it('puts <wbr> before the characters at the offsets, leaving tags and entities whole', () => {
    expect(markBreaks('学习<strong>贯彻</strong>A &amp; B落实', '学习贯彻A & B落实', [2, 4, 9], '<wbr>')).toBe(
      '学习<strong><wbr>贯彻</strong><wbr>A &amp; B<wbr>落实',
    );
  });

  it('gives up when the HTML holds other text than the plain text', () => {
    expect(markBreaks('<img src="x.png" alt="图">说明', '图说明', [1], '<wbr>')).toBeUndefined();
  });

  it('is what the renderer does with a loaded deck, and keeps dates in the notes unbroken', () => {
    const deck = parse('# 在全县深入学习贯彻党的二十大精神动员大会上的讲话\n\n- 要点\n\n会议在2023年10月22日召开。\n');
    addLineBreaks(deck);
    const { slides } = render(deck);
    const h1 = /<h1>(.*?)<\/h1>/.exec(slides)![1]!;
    expect(h1.split('<wbr>')).toEqual(chunksOf(deck.title.heading.text, deck.title.heading.breaks!));
    expect(h1.split('<wbr>')).toContain('党的二十大');
    expect(slides).toContain('会议在<span class="nobr">2023年10月22日</span>召开。');
  });
});

describe('balanced lines', () => {
  it('are as few as the browser would make, each no wider than the line, as even as the pieces allow', () => {
    const widths = [5, 2, 3, 2, 4, 2, 6, 2].map((w) => w * 100);
    const starts = balance(widths, 1400)!;
    const lines = [0, ...starts].map((start, i) => widths.slice(start, [...starts, widths.length][i]).reduce((a, b) => a + b, 0));
    expect(lines).toHaveLength(lineCount(widths, 1400));
    expect(Math.max(...lines)).toBeLessThanOrEqual(1400);
    expect(Math.max(...lines) - Math.min(...lines)).toBeLessThanOrEqual(200);
  });

  it('put the longer line last when two sets are equally even, and end at a pause mark when that costs little', () => {
    expect(balance([300, 300, 200, 300, 300], 1000)).toEqual([2]);
    expect(balance([400, 300, 300, 500], 1000, { pauses: [false, false, true, false], tolerance: 300 })).toEqual([3]);
    expect(balance([400, 300, 300, 500], 1000)).toEqual([2]);
  });

  it('are one line when everything fits, and left to the browser when one piece is wider than a line', () => {
    expect(balance([100, 200], 300)).toEqual([]);
    expect(balance([100, 400], 300)).toBeUndefined();
  });

  it('never make a line wider than allowed, nor more lines than needed, for any widths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 300, max: 1600 }), (widths, width) => {
        const starts = balance(widths, width)!;
        const ends = [...starts, widths.length];
        const lines = ends.map((end, i) => widths.slice(i ? ends[i - 1] : 0, end).reduce((a, b) => a + b, 0));
        return lines.every((w) => w <= width) && lines.length === lineCount(widths, width);
      }),
    );
  });
});
