import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { main } from '../src/node/cli.ts';
import { fixture } from './helpers/speech.ts';

/** Runs `speech-deck check` in this process and returns what it printed, line by line. */
async function check(file: string): Promise<string[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await main(['check', file]);
  return log.mock.calls
    .map((args) => String(args[0]))
    .join('\n')
    .split('\n');
}

afterEach(() => {
  vi.restoreAllMocks();
});

const UNCLOSED =
  '第 1 行的“---”开始了设置，但设置没有结束：请在最后一项设置下面加一行“---” · ' +
  'the front matter that starts with "---" on line 1 is never closed: add a line "---" after its last setting';

describe('a front matter whose closing "---" was deleted', () => {
  it('gives exactly one error, naming its opening line, when nothing below closes it', async () => {
    expect(parse(fixture('problems/unclosed-front-matter.md')).problems).toEqual([{ line: 1, severity: 'error', message: UNCLOSED }]);
    const file = 'test/fixtures/problems/unclosed-front-matter.md';
    expect(await check(file)).toEqual([`${file}:1: 错误 error: ${UNCLOSED}`, `检查了“${file}”：1 个错误，0 个提醒 · ${file}: 1 error, 0 warnings`]);
  });

  it('gives exactly one error, not one per line of the speech, when the closing "---" of the speech seems to close it', async () => {
    const deck = parse(fixture('problems/unclosed-front-matter-closing.md'));
    expect(deck.problems).toEqual([{ line: 1, severity: 'error', message: UNCLOSED }]);
    // The speech is still read as a speech: its title, sections and closing are where they were.
    expect(deck.title.heading.text).toBe('在工作总结会上的讲话');
    expect(deck.sections.map((s) => s.title.text)).toEqual(['第一部分', '第二部分']);
    expect(deck.closing?.notes.map((n) => n.text)).toEqual(['谢谢大家。']);
    const lines = await check('test/fixtures/problems/unclosed-front-matter-closing.md');
    expect(lines.filter((l) => l.includes('错误 error'))).toHaveLength(1);
  });

  it('keeps settings that are closed but hold a bad value as a YAML error, not an unclosed front matter', () => {
    const deck = parse('---\ntitle: 总结\nspeaker: [张三\n---\n\n# 题目\n\n## 一、部分\n\n话。\n');
    expect(deck.problems).toEqual([{ line: 3, severity: 'error', message: expect.stringMatching(/^设置写得不对（括号没有配对）/) }]);
  });
});

describe('a front matter that is not valid YAML', () => {
  const problemsOf = (settings: string) => parse(`---\n${settings}\n---\n\n# 题目\n\n## 一、部分\n\n话。\n`).problems;

  it('names the line of the bad value, not the line after it', () => {
    expect(problemsOf('speaker: [张三\nrate: 200')).toEqual([{ line: 2, severity: 'error', message: expect.stringMatching(/^设置写得不对（括号没有配对）/) }]);
    expect(problemsOf('speaker: 张三\ntitle: {总结\nrate: 200')).toEqual([
      { line: 3, severity: 'error', message: expect.stringMatching(/^设置写得不对（括号没有配对）/) },
    ]);
    expect(problemsOf('title: "总结\nrate: 200')).toEqual([{ line: 2, severity: 'error', message: expect.stringMatching(/^设置写得不对（引号没有配对）/) }]);
  });

  it('says in plain words what is wrong: a setting given twice, a value holding another setting', () => {
    expect(problemsOf('speaker: 张三\nspeaker: 李四')).toEqual([
      {
        line: 3,
        severity: 'error',
        message: expect.stringMatching(/^设置写得不对（同一项设置写了两次）.* · the front matter is not valid YAML \(a setting is given twice\)/),
      },
    ]);
    expect(problemsOf('occasion: 会议: 全县')).toEqual([
      { line: 2, severity: 'error', message: expect.stringMatching(/^设置写得不对（一个值里又有“名称: 值”）/) },
    ]);
  });
});
