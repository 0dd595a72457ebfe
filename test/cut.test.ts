import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cutWords } from '../src/proofread/cut.ts';
import { scanDictionary } from '../src/proofread/dictionary-lines.ts';
import { proofread } from '../src/proofread/index.ts';
import { useDictionary } from '../src/proofread/lexicon.ts';
import { words as pureCut, useNodeSegmenter } from '../src/proofread/segmenter.ts';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
const lines = scanDictionary(dict)!;
const jieba = Jieba.withDict(dict);

/** Every speech among the fixtures, as text. */
const speeches = ['test/fixtures', 'test/fixtures/import', 'test/fixtures/problems'].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => /\.(md|txt)$/.test(name) && !/gbk|utf16/.test(name))
    .map((name) => ({ name: `${dir}/${name}`, text: readFileSync(`${dir}/${name}`, 'utf8') })),
);

/** Text at the edges of the blocks jieba cuts: Latin letters, digits, signs, spaces, line ends, rare characters. */
const EDGES = [
  'abc网球拍卖会def',
  '2023年GDP增长5.2%，人均3.5万元；e-mail、C++、C#、R&D、a_b。',
  '第1季度\r\n第２季度　ＡＢＣ１２３\t新时代',
  '𠀀𠀁字和㐀㐁，兀（兀）与 x+y#z&w 10.5%-20%',
  '  前后有空格  ',
  '',
  '“府”在“干涉府采购”里；敢于向等工作中遇到的棘手问题',
];

const tagged = (cut: Array<{ word: string; tag: string }>) => cut.map((w) => `${w.word}/${w.tag}`);

describe('the pure cut (cut.ts) against jieba (@node-rs/jieba) with the same dictionary', () => {
  it('cuts and tags every paragraph of the fixtures as jieba does', () => {
    const paragraphs = speeches.flatMap(({ text }) => text.split(/\n{2,}/));
    expect(paragraphs.length).toBeGreaterThan(300);
    const differing = paragraphs.filter((p) => tagged(cutWords(lines, p)).join('|') !== tagged(jieba.tag(p, false)).join('|'));
    expect(differing).toEqual([]);
  });

  it.each(EDGES)('cuts %j as jieba does, each word at its place', (text) => {
    const cut = cutWords(lines, text);
    expect(tagged(cut)).toEqual(tagged(jieba.tag(text, false)));
    expect(cut.map((w) => w.word).join('')).toBe(text);
    for (const w of cut) expect(text.startsWith(w.word, w.start)).toBe(true);
  });

  it('gives the proofreader the same findings as jieba on every fixture', () => {
    const withJieba = speeches.map(({ text }) => proofread(text));
    // The same rules and dictionary with the pure cut, as the studio runs them.
    useDictionary(() => dict);
    try {
      expect(pureCut('干涉府采购').map((w) => w.word)).toEqual(['干涉', '府', '采购']);
      const pure = speeches.map(({ text }) => proofread(text));
      expect(pure).toEqual(withJieba);
      expect(pure.flat().map((f) => f.rule)).toEqual(expect.arrayContaining(['stranded', 'terms', 'missing-object', 'done-in-demand']));
    } finally {
      // Back to Node's own: jieba over the dictionary file.
      useNodeSegmenter();
    }
  });
});
