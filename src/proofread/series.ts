import { hit, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';
import dictionary from './terms.json' with { type: 'json' };

/** A fixed list, such as the 四个意识, whose items are always named in the same order. */
export interface Series {
  name: string;
  items: string[];
}

const SERIES: readonly Series[] = dictionary.series;
const SENTENCE = /[^。！？；\n]+/g;

/** Items of a fixed series (四个意识, 四个自信 …) named out of their fixed order. */
export const series: Rule = { name: 'series', check };

function* check(passage: Passage): Generator<Hit> {
  for (const sentence of passage.text.matchAll(SENTENCE)) {
    for (const s of SERIES) {
      const found = s.items.map((item) => ({ item, at: sentence[0].indexOf(item) })).filter((f) => f.at >= 0);
      if (found.length < 3) continue;
      const written = [...found].sort((a, b) => a.at - b.at);
      if (written.every((f, i) => f.item === found[i]!.item)) continue;
      const at = sentence.index + written[0]!.at;
      const order = found.map((f) => f.item).join('、');
      yield hit(at, 'error', FINDINGS.outOfOrder, ADVICE.inOrder, { name: s.name, order });
    }
  }
}
