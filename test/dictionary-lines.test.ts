import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionaryFor, scanDictionary } from '../src/proofread/dictionary-lines.ts';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));

/** Paragraphs of every speech fixture, and pieces cut from them at places chosen by a fixed seed. */
function texts(): string[] {
  const found: string[] = [];
  for (const name of readdirSync('test/fixtures')) {
    if (/\.(md|txt)$/.test(name) && !name.includes('gbk')) found.push(...readFileSync(`test/fixtures/${name}`, 'utf8').split(/\n\s*\n/));
  }
  const all = found.join('');
  let seed = 17;
  const next = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 200; i++) {
    const at = Math.floor(next() * all.length);
    found.push(all.slice(at, at + 1 + Math.floor(next() * 300)));
  }
  // Words of the dictionary that speeches seldom use, and characters it does not have.
  found.push('4S店和AA制，一号店里，𠀀𠀁与\uE000\uE000并存', all);
  return found;
}

describe("jieba's dictionary cut down to a text's words", () => {
  const lines = scanDictionary(dict)!;

  it('cuts and tags every text exactly as the whole dictionary does', () => {
    expect(lines.starts.length).toBeGreaterThan(300_000);
    const whole = Jieba.withDict(dict);
    const all = texts();
    expect(all.length).toBeGreaterThan(300);
    for (const text of all) {
      const small = dictionaryFor(lines, text);
      expect(small.length).toBeLessThan(dict.length / 20);
      expect(Jieba.withDict(small).tag(text, false), text.slice(0, 40)).toEqual(whole.tag(text, false));
    }
  });

  it('is not made from a dictionary out of order or with a word twice', () => {
    const text = dict.toString('utf8');
    const [first, second, ...rest] = text.split('\n');
    expect(scanDictionary(Buffer.from([second, first, ...rest].join('\n')))).toBeUndefined();
    expect(scanDictionary(Buffer.from([first, first, second, ...rest].join('\n')))).toBeUndefined();
    expect(scanDictionary(Buffer.from([first, second, ...rest].join('\n')))?.total).toBe(lines.total);
  });
});
