import type { Passage, Hit, Rule } from './finding.ts';

// Chinese characters and full-width punctuation, which Chinese text sets without spaces between them.
const CJK = String.raw`\p{Script=Han}，。、；：？！“”‘’《》（）【】…—`;
const STRAY = new RegExp(`(?<=[${CJK}])[ \\t\\u3000]+(?=[${CJK}])`, 'gu');

/** Spaces between Chinese characters are slips (often from copying out of Word or PDF). */
export const spaces: Rule = { name: 'spaces', check };

function* check(passage: Passage): Generator<Hit> {
  for (const m of passage.text.matchAll(STRAY)) {
    const kind = m[0].includes('\u3000') ? 'full-width space' : 'space';
    yield { at: m.index, severity: 'warning', message: `a stray ${kind} between Chinese characters`, suggestion: 'delete the space' };
  }
}
