import { hit, isHan, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';
import { words } from './lexicon.ts';

// Single characters that never repeat on purpose; 看看, 天天 and 清清白白 do, so others are left alone.
const FUNCTION_CHARACTERS = new Set([...'的了是在和与及对把被将就也都而并又之其为以从向于']);

/** The same word twice in a row (“的的”, “我们我们”), as left by editing. */
export const doubled: Rule = { name: 'doubled', check };

function* check(passage: Passage): Generator<Hit> {
  const cut = words(passage.text).filter((w) => w.word.trim());
  for (let i = 1; i < cut.length; i++) {
    const { word, start } = cut[i]!;
    const previous = cut[i - 1]!;
    if (previous.word !== word || previous.start + word.length !== start || ![...word].every(isHan)) continue;
    if (word.length === 1 && !FUNCTION_CHARACTERS.has(word)) continue;
    yield hit(start, 'warning', FINDINGS.doubled, ADVICE.deleteSecond, { word });
  }
}
