import { both } from '../core/say.ts';
import { hit, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';
import { words } from './lexicon.ts';

// 等 closes a list (安全、环保等工作); right after a preposition or a pause the list itself is missing.
const LIST_END = new Set(['等', '等等']);
const PAUSE = /^[，、；：]$/u;

/** A list closed by 等 with nothing in it (向等工作), where words were lost while editing. */
export const missingObject: Rule = { name: 'missing-object', check };

function* check(passage: Passage): Generator<Hit> {
  const cut = words(passage.text);
  for (let i = 1; i < cut.length; i++) {
    const before = cut[i - 1]!;
    const { word, start } = cut[i]!;
    if (!LIST_END.has(word) || !(before.tag === 'p' || before.tag === 'c' || PAUSE.test(before.word))) continue;
    const where = both(PAUSE.test(before.word) ? FINDINGS.after : FINDINGS.rightAfter, { before: before.word });
    yield hit(start, 'warning', FINDINGS.emptyList, ADVICE.nameList, { word, where });
  }
}
