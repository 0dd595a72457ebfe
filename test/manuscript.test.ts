import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { main } from '../src/node/cli.ts';
import { CLIError } from '../src/node/errors.ts';
import { renderManuscript } from '../src/render/manuscript.ts';
import { flowText, manuscriptOf, runsText } from '../src/render/manuscript-text.ts';
import { correctedOriginal, fixture, squash } from './helpers/speech.ts';

// The manuscript printed and read back is test/manuscript.browser.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'speech-deck-manuscript-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deck = parse(fixture('speech.md'));
const expected = squash(correctedOriginal());

describe('the manuscript of a speech, rendered without a browser', () => {
  it('holds the title once and every paragraph of the speech, in order', () => {
    const m = manuscriptOf(deck);
    const text = runsText(m.title) + m.paragraphs.map((p) => runsText(p.lead?.runs ?? []) + runsText(p.runs)).join('');
    expect(squash(text)).toBe(expected);
    expect(m.paragraphs.every((p) => p.kind === 'body')).toBe(true);
    expect(m.paragraphs.filter((p) => p.lead?.face === 'hei')).toHaveLength(deck.sections.length);
    expect(m.paragraphs.filter((p) => p.lead?.face === 'kai')).toHaveLength(deck.sections.flatMap((s) => s.points).length);
  });

  it('shows a heading the speech does not say on a line of its own, and cues a silent slide after what precedes it', () => {
    const small = parse(fixture('small.md'));
    const m = manuscriptOf(small);
    const second = small.slides.findIndex((s) => s.kind === 'section' && s.heading.text === '二、第二部分');
    const heading = m.paragraphs.find((p) => p.kind === 'section')!;
    expect(runsText(heading.runs)).toBe('二、第二部分');
    expect(heading.cuesBefore.map((c) => c.slide)).toEqual([second + 1]);
    const agenda = small.slides.findIndex((s) => s.kind === 'agenda') + 1;
    expect(m.paragraphs.find((p) => p.cuesAfter.length)!.cuesAfter).toEqual([{ slide: agenda }]);
    expect(runsText(m.paragraphs.find((p) => p.cuesAfter.length)!.runs)).toBe('开场白第二段。');
    const html = renderManuscript(small);
    expect(html).toContain(`<h2><span class="cue" data-cue="▶${second + 1} 约`);
    // "第一小点的话。" says its heading inside its first sentence: neither run in nor printed again.
    expect(html).toContain('>第一小点的话。</p>');
    expect(html).not.toMatch(/<h3>[\s\S]*第一小点[\s\S]*<\/h3>/);
  });

  it('is one document with no script, author text escaped, under a policy that allows no script at all', () => {
    const hostile = parse(fixture('hostile.md'));
    const html = renderManuscript(hostile, { fontCss: '' });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">`);
    expect(html).not.toMatch(/<(script|iframe|svg|object|embed|img|a)\b/i);
    expect(html).not.toMatch(/<[a-z][^<>]*\son[a-z]+\s*=/i);
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(');
    expect(html).toContain('<p>&lt;img src=x onerror=alert(');
  });

  it('joins a line the author broke inside a Chinese paragraph, and keeps a space between Latin words', () => {
    expect(flowText('第一行\n第二行')).toBe('第一行第二行');
    expect(flowText('open\nsource')).toBe('open source');
    expect(flowText('共同富裕”\n“十大')).toBe('共同富裕”“十大');
  });
});

describe('speech-deck manuscript from the command line, when it cannot go on', () => {
  // In-process: the command's wiring and options, without starting another Node (the exit codes are run()'s, tested with `pdf`).
  it('stops with the problem when --browser-path leads nowhere, writing nothing', async () => {
    const out = join(dir, 'cli-no-browser');
    const args = ['manuscript', 'test/fixtures/small.md', '--out-dir', out, '--large', '--docx', '--no-cues', '--browser-path', '/nowhere/chrome'];
    await expect(main(args)).rejects.toThrow(CLIError);
    await expect(main(args)).rejects.toThrow('--browser-path is set to /nowhere/chrome');
    expect(existsSync(out)).toBe(false);
  });

  it('stops with file:line problems when the speech has errors, before starting a browser, writing nothing', async () => {
    const out = join(dir, 'cli-errors');
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    try {
      await expect(main(['manuscript', 'test/fixtures/problems/no-title.md', '--out-dir', out])).rejects.toThrow(/no-title\.md: 1 error/);
    } finally {
      spy.mockRestore();
    }
    expect(printed.join('\n')).toMatch(/no-title\.md:\d+: 错误 error: 没有标题.* · no title/);
    expect(existsSync(out)).toBe(false);
  });
});
