import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fixedText } from '../../core/labels.ts';

/**
 * The characters the studio's fonts carry, chosen from a source the project already has: jieba's dictionary
 * (349,000 words with their frequencies in a large Chinese corpus). A character's weight is the summed
 * frequency of the words it occurs in, so the characters of common words come first. With 7,000 characters
 * the list covers 99.94% of the dictionary's weighted text; this speech's rarest character (聆) ranks 4,664th.
 */
export const COMMON_HAN_COUNT = 7000;

/** Han characters by how much text they make up in jieba's dictionary, most frequent first. */
export function hanByFrequency(): string[] {
  const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const weight = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    const n = Number(freq);
    if (!word || !Number.isFinite(n)) continue;
    for (const char of word) if (/\p{Script=Han}/u.test(char)) weight.set(char, (weight.get(char) ?? 0) + n);
  }
  return [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([char]) => char);
}

/**
 * Printable ASCII, Latin-1 letters and signs, general and CJK punctuation, circled numbers and full-width forms:
 * those of them the three Noto faces draw (not the soft hyphen, which HarfBuzz drops as invisible, nor ‗‛‟‣․‱‴‶‷‸,
 * Ⅰ–Ⅻ, ⑲⑳, 〄〘〙〚〛〟, which the faces lack).
 */
function symbols(): string[] {
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e],
    [0xa0, 0xac],
    [0xae, 0xff],
    [0x2010, 0x2016],
    [0x2018, 0x201a],
    [0x201c, 0x201e],
    [0x2020, 0x2022],
    [0x2025, 0x2027],
    [0x2030, 0x2030],
    [0x2032, 0x2033],
    [0x2035, 0x2035],
    [0x2039, 0x203b],
    [0x2460, 0x2471], // circled numbers ①–⑱
    [0x3000, 0x3003],
    [0x3005, 0x3011],
    [0x3014, 0x3017],
    [0x301c, 0x301e],
    [0xff01, 0xff5e],
    [0xffe0, 0xffe5],
  ];
  return ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));
}

/** The characters the studio's fonts are subset to: symbols, the deck's own wording, then the common Han characters. */
export function commonCharacters(count = COMMON_HAN_COUNT): string[] {
  return [...new Set([...symbols(), ...fixedText(), ...hanByFrequency().slice(0, count)])];
}
