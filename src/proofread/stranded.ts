import { hit, isHan, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';
import { characterUse, pairFrequency, words, wordsWith, type Word } from './lexicon.ts';

// A character used alone in under 15% of its dictionary uses is nearly always part of a word.
const ALONE_SHARE = 0.15;
// Phrases of up to four characters between punctuation (推项目、兴产业) are a terse style, not slips.
const TERSE_CLAUSE = 4;
// Single-character verbs that official style uses alone before an object (稳就业、保民生、促消费).
const TERSE_VERBS = new Set([...'稳保促强优兴推抓防控惠提扩育建治管']);
// Words that complete the character before them (严起来, 作如下) rather than stand apart from it.
const COMPLEMENTS = new Set(['起来', '下去', '出来', '下来', '上来', '进去', '过来', '如下']);

/** A character standing alone where words rarely leave it: a word nearby seems to have lost or gained a character. */
export const stranded: Rule = { name: 'stranded', check };

function* check(passage: Passage, speech: string): Generator<Hit> {
  const cut = words(passage.text);
  for (let i = 0; i < cut.length; i++) if (isStranded(cut, i, passage.text)) yield toHit(passage, cut, i, speech);
}

function isStranded(cut: Word[], i: number, text: string): boolean {
  const { word: char, tag } = cut[i]!;
  const before = cut[i - 1]?.word ?? '';
  const after = cut[i + 1];
  if (char.length !== 1 || !isHan(char) || !after || !isWord(after.word) || isSingleHan(before)) return false;
  if (COMPLEMENTS.has(after.word) || after.tag === 't' || TERSE_VERBS.has(char)) return false;
  if (/[“‘《「]$/.test(before) || clauseLength(text, cut[i]!.start) <= TERSE_CLAUSE) return false;
  // Where the character makes a word with its neighbour's next letter, the segmenter merely chose the other cut.
  if (pairFrequency(before.slice(-1) + char) > 0 || pairFrequency(char + after.word[0]) > 0) return false;
  const use = characterUse(char);
  return tag !== 'x' && use.alone / (use.alone + use.inWords || 1) < ALONE_SHARE;
}

function isWord(word: string): boolean {
  return word.length > 1 && [...word].every(isHan);
}

function isSingleHan(word: string | undefined): boolean {
  return !!word && word.length === 1 && isHan(word);
}

const PUNCT = /[，。、；：？！“”‘’《》（）\s]/u;

function clauseLength(text: string, at: number): number {
  let start = at;
  let end = at;
  // Only whether the clause is longer than a terse phrase matters, so the scan stops there.
  while (start > 0 && at - start <= TERSE_CLAUSE && !PUNCT.test(text[start - 1]!)) start--;
  while (end < text.length && end - at <= TERSE_CLAUSE && !PUNCT.test(text[end]!)) end++;
  return end - start;
}

function toHit(passage: Passage, cut: Word[], i: number, speech: string): Hit {
  const { word: char, start } = cut[i]!;
  const next = cut[i + 1]!.word;
  const context = passage.text.slice(Math.max(0, start - 2), start + 1 + next.length);
  // Words with this character that the speech itself uses are the likeliest intended ones.
  const candidates = wordsWith(char);
  const used = candidates.filter((w) => speech.includes(w)).slice(0, 3);
  const likely = (used.length ? used : candidates.slice(0, 3)).map((w) => `“${w}”`).join('、');
  return hit(start, 'warning', FINDINGS.stranded, ADVICE.completeWord, { char, context, likely });
}
