import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { segmenterCuts } from '../src/proofread/segmenter.ts';
import { addLineBreaks, RememberedWords } from '../src/node/speech/words.ts';

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = readFileSync('test/fixtures/speech.md', 'utf8');

/** Every wrap offset list of the model (headings and key phrases), in order, as the renderer reads them. */
function breaksOf(value: unknown, found: number[][] = []): number[][] {
  if (Array.isArray(value)) for (const v of value) breaksOf(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'breaks' && Array.isArray(v)) found.push(v as number[]);
      else breaksOf(v, found);
    }
  }
  return found;
}

describe('word boundaries kept between commands', () => {
  const fresh = parse(text);
  addLineBreaks(fresh);
  const expected = breaksOf(fresh);

  it('are cut by jieba the first time, kept, and read back the next time without a single cut', async () => {
    expect(expected.length).toBeGreaterThan(20);
    const first = parse(text);
    const cutsBefore = segmenterCuts.count;
    const memo = RememberedWords.read(text, dir);
    addLineBreaks(first, memo);
    expect(segmenterCuts.count).toBeGreaterThan(cutsBefore);
    expect(breaksOf(first)).toEqual(expected);
    await memo.keep();
    expect(readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(1);

    const second = parse(text);
    const cutsKept = segmenterCuts.count;
    addLineBreaks(second, RememberedWords.read(text, dir));
    expect(segmenterCuts.count).toBe(cutsKept);
    expect(breaksOf(second)).toEqual(expected);
  });

  it('belong to one text: an edited speech is cut afresh where it changed', () => {
    const edited = text.replace(/^## (.+)$/m, '## 以钉钉子精神抓好各项工作落实见效');
    expect(edited).not.toBe(text);
    const deck = parse(edited);
    const cutsBefore = segmenterCuts.count;
    addLineBreaks(deck, RememberedWords.read(edited, dir));
    expect(segmenterCuts.count).toBeGreaterThan(cutsBefore);
    const plain = parse(edited);
    addLineBreaks(plain);
    expect(breaksOf(deck)).toEqual(breaksOf(plain));
  });

  it('are not believed when the kept file is damaged: the text is cut again, and right', () => {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) writeFileSync(join(dir, name), '{"标题": [1, 2]}');
    const deck = parse(text);
    const cutsBefore = segmenterCuts.count;
    addLineBreaks(deck, RememberedWords.read(text, dir));
    expect(segmenterCuts.count).toBeGreaterThan(cutsBefore);
    expect(breaksOf(deck)).toEqual(expected);
  });
});
