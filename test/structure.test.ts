import { describe, expect, it } from 'vitest';
import type { Problem } from '../src/core/model.ts';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { fixture } from './helpers/speech.ts';

/** The problems of a fixture under test/fixtures/problems/, as `line severity` and message. */
function problemsOf(name: string): Problem[] {
  return parse(fixture(`problems/${name}`)).problems;
}

/** Every paragraph's text of a deck, in order. */
function allText(name: string): string {
  const deck = parse(fixture(`problems/${name}`));
  return spokenSlides(deck)
    .flatMap((s) => [s.heading.text, ...s.visible.map((v) => v.text), ...s.notes.map((n) => n.text)])
    .join('|');
}

describe('structure problems, each as file:line in plain language', () => {
  it('an empty file is an error that says how to start', () => {
    expect(problemsOf('empty.md')).toEqual([
      { line: 1, severity: 'error', message: expect.stringMatching(/^文件是空的：.*“# 标题” · the file is empty.*"# title"/) },
    ]);
  });

  it('settings with no speech after them are an error at the line after the settings', () => {
    expect(problemsOf('settings-only.md')).toEqual([
      { line: 4, severity: 'error', message: expect.stringMatching(/^设置后面没有讲话稿：.* · .*no speech after the front matter/) },
    ]);
  });

  it('no title is an error, reported once', () => {
    expect(problemsOf('no-title.md')).toEqual([
      { line: 1, severity: 'error', message: '没有标题：讲话稿第一行请写“# 标题” · no title: start the speech with a line "# title"' },
    ]);
  });

  it('no sections is a warning', () => {
    expect(problemsOf('no-sections.md')).toEqual([{ line: 1, severity: 'warning', message: expect.stringMatching(/^没有“##”部分：.* · no "##" sections/) }]);
  });

  it('a sub-point before any section is an error, and its heading is kept on the slide', () => {
    expect(problemsOf('sub-point-first.md')).toEqual([
      { line: 3, severity: 'error', message: expect.stringMatching(/^“###”小点前面还没有“##”部分.* · .*before any "##" section/) },
    ]);
    expect(allText('sub-point-first.md')).toContain('没有部分的小点');
  });

  it('a skipped heading level is a warning that names the levels', () => {
    expect(problemsOf('skipped-level.md')).toEqual([
      {
        line: 7,
        severity: 'warning',
        message: expect.stringMatching(/^这个“####”标题紧跟在“##”后面，跳过了一级.* · .*"####" heading skips a level after "##"/),
      },
    ]);
  });

  it('a slide with nothing on it, and one with nothing to say, are warnings', () => {
    expect(problemsOf('empty-slides.md')).toEqual([
      {
        line: 7,
        severity: 'warning',
        message: expect.stringMatching(/^幻灯片“空的小点”上什么也没有，也没有要讲的话.* · .*"空的小点" has nothing on it and nothing to say/),
      },
      { line: 9, severity: 'warning', message: expect.stringMatching(/^幻灯片“只有要点”没有要讲的话.* · .*"只有要点" has nothing to say/) },
    ]);
  });

  it('a section title used twice is warned about, a sub-point heading shared by two sections is not, and every slide gets its own id', () => {
    expect(problemsOf('duplicate-headings.md')).toEqual([
      {
        line: 11,
        severity: 'warning',
        message:
          '部分标题“同名部分”在第 3 行已经用过：请给每个部分一个自己的标题 · the section title "同名部分" is used already on line 3: give each section its own title',
      },
    ]);
    const ids = spokenSlides(parse(fixture('problems/duplicate-headings.md'))).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('front matter never closed is one error naming its opening line, and the speech after it is still read', () => {
    const deck = parse(fixture('problems/unclosed-front-matter.md'));
    expect(deck.problems).toEqual([
      {
        line: 1,
        severity: 'error',
        message:
          '第 1 行的“---”开始了设置，但设置没有结束：请在最后一项设置下面加一行“---” · the front matter that starts with "---" on line 1 is never closed: add a line "---" after its last setting',
      },
    ]);
    expect(deck.title.heading.text).toBe('题目');
    expect(deck.sections.map((s) => s.title.text)).toEqual(['第一部分']);
    expect(allText('unclosed-front-matter.md')).toContain('speaker: 张三');
  });

  it('invalid YAML is an error at the line of the bad value that says how to write a setting', () => {
    const [problem, ...rest] = problemsOf('invalid-yaml.md');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/^设置写得不对（括号没有配对）：每行写一项“名称: 值”.* · .*not valid YAML.*"key: value"/),
    });
    // `speaker: [张三` is line 2; YAML itself notices the missing "]" only on line 3.
    expect(problem!.line).toBe(2);
  });

  it('unknown settings are warnings; wrong values are errors that list what is allowed', () => {
    expect(problemsOf('unknown-keys.md')).toEqual([
      { line: 2, severity: 'warning', message: expect.stringMatching(/^不认识的设置“speeker”，已忽略（可用的设置有 title, .* · unknown setting "speeker"/) },
      { line: 3, severity: 'error', message: '配色 theme 只能是 light, dark，不能是“blue” · theme must be one of light, dark, not "blue"' },
      { line: 4, severity: 'error', message: expect.stringMatching(/^语速 rate 要写每分钟 50 到 600 之间的字数，不能是“fast” · rate must be a number/) },
    ]);
  });

  it('"##　" with a full-width space, "＃" and "##" without a space get a hint that they are not headings', () => {
    expect(problemsOf('false-headings.md')).toEqual([
      { line: 1, severity: 'warning', message: expect.stringContaining('no "##" sections') },
      {
        line: 3,
        column: 1,
        severity: 'warning',
        message: expect.stringMatching(/^这一行以“##”加全角空格开头，不是标题.* · .*full-width space, so it is not a heading/),
      },
      {
        line: 7,
        column: 1,
        severity: 'warning',
        message: expect.stringMatching(/^“＃＃”是全角的“＃”，这一行不是标题：请写“## ”.* · "＃＃" is a full-width "＃"/),
      },
      { line: 11, column: 1, severity: 'warning', message: expect.stringMatching(/^“##”后面没有空格，这一行不是标题.* · .*no space after "##"/) },
    ]);
    expect(allText('false-headings.md')).toContain('##\u3000一、全角空格');
  });

  it('text nested deeper than Markdown reads is kept as spoken text, with a warning', () => {
    const problems = problemsOf('deep-nesting.md');
    expect(problems.filter((p) => p.message.includes('too many quotes or lists')).map((p) => p.line)).toEqual([5, 7]);
    const text = allText('deep-nesting.md');
    for (const words of ['引得太深的话。', '列得太深的话。', '最后的话。']) expect(text).toContain(words);
  });

  it('lists nested by indentation past what Markdown reads keep every line as spoken text', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层`);
    const deck = parse(`# 题目\n\n## 一、部分\n\n${levels.join('\n')}\n\n后面的话。\n`);
    const opener = deck.sections[0]!.opener;
    const kept = [...opener.visible, ...opener.notes].map((i) => i.text);
    for (let i = 1; i <= 30; i++) expect(kept).toContain(`第${i}层`);
    expect(kept).toContain('后面的话。');
    expect(deck.problems.some((p) => p.message.includes('nested too deeply'))).toBe(true);
  });

  it('raw HTML and refused links are shown as text, with a hint', () => {
    const deck = parse('# 题目\n\n## 一、部分\n\n话<b>粗</b>。\n\n[点我](javascript:alert(1))\n\n![图](data:image/png;base64,AAAA)\n');
    expect(deck.problems).toEqual([
      { line: 5, severity: 'warning', message: expect.stringMatching(/^网页标签（HTML）照原样显示，不起作用.* · HTML tags are shown as written/) },
      { line: 7, severity: 'warning', message: expect.stringMatching(/^不能链接到“javascript:”地址.* · .*"javascript:" addresses are refused/) },
    ]);
  });

  it('reports no problem for the well-formed speeches', () => {
    expect(parse(fixture('small.md')).problems).toEqual([]);
  });
});
