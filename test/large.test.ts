import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/node/commands/build.ts';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
// Node's dictionary and jieba, which the rules ask through lexicon.ts.
import '../src/proofread/segmenter.ts';
import { proofread } from '../src/proofread/index.ts';
import { render } from '../src/render/html.ts';

const HEAD = '# 题目\n\n## 一、部分\n\n- 要点\n\n';
/** Inputs that make naive parsers slow or crash, each with a piece of text that must survive. */
const PATHOLOGICAL: Record<string, string> = {
  'a 50,000-character paragraph': `${'我们要深入学习贯彻，坚不断完善制度。'.repeat(2800)}\n`,
  'a 200,000-character line': `${'学习 贯彻,落实“《'.repeat(22_300)}\n`,
  '60,000 * in a row': `开头${'*'.repeat(60_000)}结尾\n`,
  '60,000 * alone on a line': `${'*'.repeat(60_000)}\n\n后面的话\n`,
  '60,000 > in a row': `${'>'.repeat(60_000)} 引用的话\n\n后面的话\n`,
  '30,000 nested brackets': `${'['.repeat(30_000)}话${']'.repeat(30_000)}\n`,
  '30,000 emphasis openers': `${'**强调 '.repeat(30_000)}\n`,
  '60,000 backticks': `${'`'.repeat(60_000)}\n\n后面的话\n`,
  'a list nested 5,000 deep': `${'- '.repeat(5_000)}深处的话\n\n后面的话\n`,
};

/** Milliseconds a function takes. */
function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('large and pathological input', () => {
  for (const [name, body] of Object.entries(PATHOLOGICAL)) {
    it(`${name}: parses, renders and proofreads within seconds, losing no text`, () => {
      const text = HEAD + body;
      let notes = '';
      const ms = time(() => {
        const deck = parse(text);
        render(deck);
        notes = spokenSlides(deck)
          .flatMap((s) => s.notes.map((n) => n.text))
          .join('');
      });
      expect(ms, 'parse and render').toBeLessThan(3000);
      expect(
        time(() => proofread(text)),
        'proofread',
      ).toBeLessThan(5000);
      if (body.includes('后面的话')) expect(notes).toContain('后面的话');
    });
  }

  describe('built into a deck', () => {
    const dir = mkdtempSync(join(tmpdir(), 'speech-deck-large-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('finishes within seconds for all of them in one speech', async () => {
      const input = join(dir, 'large.md');
      writeFileSync(input, HEAD + Object.values(PATHOLOGICAL).join('\n\n'));
      const started = performance.now();
      await buildDeck(input, dir);
      expect(performance.now() - started).toBeLessThan(30_000);
    }, 60_000);
  });
});
