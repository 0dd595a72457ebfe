import { hit, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';

// Chinese characters and full-width punctuation, which Chinese text sets without spaces between them.
const CJK = String.raw`\p{Script=Han}，。、；：？！“”‘’《》（）【】…—`;
const STRAY = new RegExp(`(?<=[${CJK}])[ \\t\\u3000]+(?=[${CJK}])`, 'gu');

/** Spaces between Chinese characters are slips (often from copying out of Word or PDF). */
export const spaces: Rule = { name: 'spaces', check };

function* check(passage: Passage): Generator<Hit> {
  for (const m of passage.text.matchAll(STRAY)) {
    const gap = m[0].includes('\u3000') ? FINDINGS.fullWidthSpace : FINDINGS.space;
    yield hit(m.index, 'warning', FINDINGS.strayGap, ADVICE.deleteSpace, { gap });
  }
}
