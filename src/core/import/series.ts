/**
 * Points a speaker counts off inside a paragraph: 一是…二是…三是…, 一要…二要…, 第一，…第二，…, and
 * 首先…其次…再次…最后…. A slide shows such a series whole, each point without its marker, or not at all.
 */
import { chineseNumber } from './markers.ts';
import { bare, clauses } from './sentences.ts';

/** One counted point: where its words start and end in the text, and the words without the marker. */
export interface SeriesItem {
  start: number;
  end: number;
  text: string;
}

const CN = '[一二三四五六七八九十]{1,3}';
// A marker opens the text, a sentence or a clause after a semicolon or colon.
const AFTER = '(?<=^|[。！？；：!?;:]\\s*)';
const FAMILIES: ReadonlyArray<{ pattern: RegExp; rank: (m: RegExpExecArray) => number | undefined }> = [
  { pattern: new RegExp(`${AFTER}(${CN})是`, 'gu'), rank: (m) => chineseNumber(m[1]!) },
  { pattern: new RegExp(`${AFTER}(${CN})要`, 'gu'), rank: (m) => chineseNumber(m[1]!) },
  { pattern: new RegExp(`${AFTER}第(${CN})[，,、](?!部分)`, 'gu'), rank: (m) => chineseNumber(m[1]!) },
  { pattern: new RegExp(`${AFTER}(首先|其次|再次|最后)[，,]?`, 'gu'), rank: (m) => ({ 首先: 1, 其次: 2, 再次: 3, 最后: 4 })[m[1]!] },
];

/** Every marker of a leading series as a pattern: a phrase must not start with one. */
export const SERIES_MARKER = new RegExp(`^(?:${CN}[是要]|第${CN}[，,、]|首先[，,]?|其次[，,]?|再次[，,]?|最后[，,])`, 'u');

/**
 * The counted series in a text (two or more points, counted from one in order; 最后 may end the 首先 series at
 * any count), each point as its first clause without the marker; clauses too short are joined to the next.
 */
export function series(text: string): SeriesItem[][] {
  const found: SeriesItem[][] = [];
  for (const { pattern, rank } of FAMILIES) {
    const marks = [...text.matchAll(pattern)].map((m) => ({
      at: m.index,
      end: m.index + m[0].length,
      rank: rank(m as RegExpExecArray),
      last: m[1] === '最后',
    }));
    let run: typeof marks = [];
    const close = () => {
      if (run.length >= 2) found.push(run.map((m, i) => item(text, m.end, run[i + 1]?.at ?? text.length)));
      run = [];
    };
    for (const mark of marks) {
      const expected = run.length + 1;
      if (mark.rank === expected || (mark.last && run.length >= 2)) run.push(mark);
      else {
        close();
        if (mark.rank === 1) run.push(mark);
      }
    }
    close();
  }
  return found;
}

/** A point's words: its first clause, or the first clauses up to a readable length. */
function item(text: string, start: number, end: number): SeriesItem {
  const sentence = text.slice(start, end).split(/(?<=[。！？!?；;])/u)[0]!;
  let taken = '';
  for (const clause of clauses(sentence)) {
    taken += clause.text;
    if ([...bare(taken)].length >= 4) break;
  }
  const words = bare(taken);
  const at = text.indexOf(words, start);
  return { start: at, end: at + words.length, text: words };
}
