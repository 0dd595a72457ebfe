import { describe, expect, it } from 'vitest';
import { spokenSlides } from '../src/core/model.ts';
import { decode } from '../src/core/decode.ts';
import { parse } from '../src/core/parse.ts';
import { fixture } from './helpers/speech.ts';

describe('parse', () => {
  const deck = parse(fixture('small.md'));

  it('reads the front matter into the meta, with the # heading as title', () => {
    expect(deck.meta).toEqual({ title: '小型讲话', speaker: '张三', occasion: '测试会议', date: '2026年1月1日', rate: 120, theme: 'light' });
    expect(deck.problems).toEqual([]);
  });

  it('turns ## into sections and ### into their sub-points, splitting off the enumerator', () => {
    expect(deck.sections.map((s) => [s.numeral, s.title.text, s.points.map((p) => p.heading.text)])).toEqual([
      ['一', '第一部分', ['第一小点', '第二小点']],
      ['二', '第二部分', ['第三小点']],
    ]);
  });

  it('lists every slide in display order, the agenda after the opening, each with its section and time', () => {
    expect(deck.slides.map((s) => [s.kind, s.id, s.section])).toEqual([
      ['title', 'title', undefined],
      ['opening', 'opening', undefined],
      ['agenda', 'agenda', undefined],
      ['section', '第一部分', 0],
      ['point', '第一小点', 0],
      ['point', '第二小点', 0],
      ['section', '第二部分', 1],
      ['point', '第三小点', 1],
      ['closing', 'closing', undefined],
    ]);
    expect(deck.slides.find((s) => s.kind === 'agenda')!.visible.map((v) => v.text)).toEqual(['第一部分', '第二部分']);
    // small.md is read at 120 characters a minute: 第一小点的话 is 6 spoken characters, 3 s; a silent slide gets 10 s.
    expect(deck.slides.find((s) => s.id === '第一小点')!.seconds).toBe(3);
    expect(deck.slides.find((s) => s.kind === 'agenda')!.seconds).toBe(10);
  });

  it('keeps bold, italic and struck text as marked runs', () => {
    const inline = parse('# 题\n\n## 一、部\n\n普通**加粗**与*斜体*和~~删除~~，`代码`。').sections[0]!.opener.notes[0]!;
    expect(inline.runs).toEqual([
      { text: '普通' },
      { text: '加粗', bold: true },
      { text: '与' },
      { text: '斜体', italic: true },
      { text: '和' },
      { text: '删除', strike: true },
      { text: '，' },
      { text: '代码', code: true },
      { text: '。' },
    ]);
    expect(inline.runs.map((r) => r.text).join('')).toBe(inline.text);
  });

  it('puts list items on the slide and paragraphs in the notes', () => {
    const point = deck.sections[0]!.points[0]!;
    expect(point.visible.map((v) => [v.text, v.depth])).toEqual([
      ['小点要点甲', 0],
      ['小点要点乙', 0],
      ['下一层', 1],
    ]);
    expect(point.notes.map((n) => n.text)).toEqual(['第一小点的话。']);
  });

  it('gives the opening and the closing slides of their own', () => {
    expect(deck.opening?.visible.map((v) => v.text)).toEqual(['开场要点']);
    expect(deck.opening?.notes.map((n) => n.text)).toEqual(['开场白第一段。', '开场白第二段。']);
    expect(deck.closing?.visible.map((v) => v.text)).toEqual(['结语要点']);
    expect(deck.closing?.notes.map((n) => n.text)).toEqual(['结语的话。']);
  });

  it('keeps source line numbers of the file, front matter included', () => {
    const lines = fixture('small.md').split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    expect(deck.title.line).toBe(lineOf('# 小型讲话'));
    expect(deck.sections[1]!.opener.line).toBe(lineOf('## 二、第二部分'));
    expect(deck.sections[0]!.points[1]!.notes[0]!.line).toBe(lineOf('第二小点的话。'));
    expect(deck.closing?.visible[0]?.line).toBe(lineOf('- 结语要点'));
  });

  it('derives stable, unique ids from headings', () => {
    const ids = spokenSlides(deck).map((s) => s.id);
    expect(ids).toEqual(['title', 'opening', '第一部分', '第一小点', '第二小点', '第二部分', '第三小点', 'closing']);
    const edited = parse(fixture('small.md').replace('第一小点的话。', '改过的话。\n\n### 新插入的小点\n\n新的话。'));
    expect(edited.sections[1]!.points[0]!.id).toBe('第三小点');
  });

  it('keeps duplicate headings apart: numbered ids for sections, the section named in a shared sub-point heading', () => {
    const twice = parse('# T\n\n## 一、同名\n\n### 甲\n\n话\n\n## 二、同名\n\n### 甲\n\n话\n');
    expect(twice.sections.map((s) => s.opener.id)).toEqual(['同名', '同名-2']);
    expect(twice.sections.map((s) => s.points[0]!.id)).toEqual(['同名-甲', '同名-甲-2']);
    const parts = parse('# T\n\n## 一、经济\n\n### 甲\n\n话\n\n## 二、民生\n\n### 甲\n\n话\n\n### 乙\n\n话\n');
    expect(parts.sections.flatMap((s) => s.points.map((p) => p.id))).toEqual(['经济-甲', '民生-甲', '乙']);
  });

  it('reads CRLF and CR line ends the same as LF, once decoded', () => {
    for (const end of ['\r\n', '\r']) {
      expect(parse(decode(new TextEncoder().encode(fixture('small.md').replace(/\n/g, end))).text)).toEqual(deck);
    }
  });

  it('uses defaults when there is no front matter', () => {
    const plain = parse('# 题目\n\n## 一、部分\n\n话。\n');
    expect(plain.meta).toMatchObject({ title: '题目', rate: 200, theme: 'light', speaker: '' });
  });

  it('reports a sub-point before any section as an error with its line', () => {
    const bad = parse('# 题目\n\n### 小点\n\n话。\n');
    expect(bad.problems).toContainEqual(expect.objectContaining({ line: 3, severity: 'error' }));
  });

  it('never lets unclosed front matter swallow the speech', () => {
    const bad = parse('---\nspeaker: 张三\n\n# 题目\n\n话。\n');
    expect(bad.problems[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(bad.title.heading.text).toBe('题目');
    // The would-be settings stay as text too: nothing the author wrote is dropped.
    expect(bad.opening?.notes.map((n) => n.text)).toEqual(['speaker: 张三', '话。']);
  });
});
