import { hit, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';
import { words } from './lexicon.ts';

// Words that make a sentence a demand or a plan: what follows is still to be done.
const DEMANDS = new Set(['要', '必须', '务必', '应当', '应该', '需要', '将要']);
const SENTENCE_END = /^[。！？；]$/u;

/** 了 (done) in a sentence that asks for something to be done (要…增强了), a character seemingly left over. */
export const doneInDemand: Rule = { name: 'done-in-demand', check };

function* check(passage: Passage): Generator<Hit> {
  let demand: string | undefined;
  for (const { word, tag, start } of words(passage.text)) {
    if (SENTENCE_END.test(word) || word === '\n') demand = undefined;
    else if (DEMANDS.has(word)) demand = word;
    else if (demand && word === '了' && tag === 'ul') {
      yield hit(start, 'warning', FINDINGS.doneInDemand, ADVICE.deleteDone, { demand });
    }
  }
}
