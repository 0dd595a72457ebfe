import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildDeck } from '../src/node/commands/build.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { importFile } from '../src/node/speech/import-file.ts';
import { fixture } from './helpers/speech.ts';

/**
 * A NUL pasted from a bad PDF or an OA system, and U+000B, what Word's manual line break becomes in pasted text:
 * the speech builds, the line break stays a line break inside its paragraph, and nothing reaches the fonts that
 * no embedded face draws.
 */
const dir = mkdtempSync(join(tmpdir(), 'speech-deck-controls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const speech = fixture('small.md').replace('第一小点的话。', '第一小点\u0000的话。\u000b换一行再说。').replace('结语的话。', '结语\u0001的话\u2028第二行。');

describe('control characters in a speech', () => {
  it('builds a speech with NUL, U+0001, U+000B and U+2028: the controls dropped with a warning, the breaks kept as line breaks', async () => {
    const path = join(dir, 'controls.md');
    writeFileSync(path, speech);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let html: string;
    let printed: string;
    try {
      html = readFileSync(await buildDeck(path, join(dir, 'out')), 'utf8');
      printed = errors.mock.calls.map((c) => String(c[0])).join('\n');
    } finally {
      log.mockRestore();
      errors.mockRestore();
    }
    expect(printed).toMatch(/controls\.md:\d+:\d+: 提醒 warning: 看不见的控制字符 U\+0000 已删去.* · invisible control character U\+0000 dropped/);
    expect(printed).toMatch(/warning: 看不见的控制字符 U\+0001 已删去/);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFD\u2028]/);
    const { deck } = loadSpeech(path);
    expect(deck.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(deck.sections[0]!.points[0]!.notes.map((n) => n.text)).toEqual(['第一小点的话。\n换一行再说。']);
    expect(deck.closing!.notes.map((n) => n.text)).toEqual(['结语的话\n第二行。']);
  });

  it('imports a text file with the same characters into a speech that builds the same way', async () => {
    const text =
      '在全县工作会议上的讲话\n今天召开会议\u0000，部署工作。\u000b请大家认真落实。\n一、加强学习\n要学深悟透\u0007，学以致用。\n同志们，让我们共同努力。\n';
    writeFileSync(join(dir, 'controls.txt'), text);
    const { imported, report } = await importFile({ input: join(dir, 'controls.txt'), output: join(dir, 'imported.md') });
    expect(imported.markdown).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFD]/);
    expect(imported.markdown).toContain('今天召开会议，部署工作。');
    expect(report).toMatch(/controls\.txt:2: 提醒 warning: 看不见的控制字符 U\+0000 已删去/);
  });
});
