/**
 * What the proofreader says, Chinese first (core/say.ts): each finding is what seems wrong, then what to do. The
 * rules only choose the entries and fill in the words they quote; the reasons for the fixed terms are in terms.json.
 */
import { messages } from '../core/say.ts';

/** What seems wrong. */
export const FINDINGS = messages({
  notOfficial: { zh: '“{found}”不是这个用语的规范写法：{why}', en: '“{found}” is not the official form of this term: {why}' },
  outOfOrder: { zh: '“{name}”的各项没有按固定顺序排列', en: 'the {name} are named out of their fixed order' },
  closesNothing: {
    zh: '“{char}”前面没有与它配对的“{expected}”：这一段里它什么也没括住',
    en: '“{char}” closes nothing: there is no “{expected}” before it in this paragraph',
  },
  neverClosed: { zh: '这一段里的“{char}”没有配对的结束符号', en: '“{char}” is never closed in this paragraph' },
  halfWidth: { zh: '中文里用了半角的“{char}”', en: 'half-width “{char}” in Chinese text' },
  strayGap: { zh: '汉字之间多了一个{gap}', en: 'a stray {gap} between Chinese characters' },
  space: { zh: '空格', en: 'space' },
  fullWidthSpace: { zh: '全角空格', en: 'full-width space' },
  doubled: { zh: '“{word}”连着写了两遍', en: '“{word}” is written twice in a row' },
  stranded: {
    zh: '“{char}”在“{context}”里单独出现，而它几乎总是词的一部分：像是丢了或多了一个字',
    en: '“{char}” stands alone in “{context}”, where it is nearly always part of a word: a character seems lost or left over',
  },
  emptyList: {
    zh: '这里的“{word}”{where}，收束的是一个空的列举：它概括的词语像是丢了',
    en: '“{word}” {where} closes an empty list: the words it sums up seem lost',
  },
  rightAfter: { zh: '紧跟在“{before}”后面', en: 'right after “{before}”' },
  after: { zh: '在“{before}”后面', en: 'after “{before}”' },
  doneInDemand: {
    zh: '“了”表示事情已经做完，但这句话前面的“{demand}”是要求去做',
    en: '“了” marks something already done, but “{demand}” earlier in this sentence asks for it to be done',
  },
  more: { zh: '这一段里还有同类的问题', en: 'more findings like the ones above in this paragraph' },
});

/** What to do about it. */
export const ADVICE = messages({
  write: { zh: '请写作“{term}”', en: 'write “{term}”' },
  inOrder: { zh: '请按“{order}”的顺序写', en: 'write them in the order {order}' },
  addOpening: { zh: '请在引文开始处加“{expected}”，或删去这个“{char}”', en: 'add “{expected}” where the quoted text begins, or delete this “{char}”' },
  addClosing: { zh: '请在引文结束处加“{close}”，或删去这个“{char}”', en: 'add “{close}” where the quoted text ends, or delete this “{char}”' },
  fullWidth: { zh: '请改成“{full}”', en: 'write “{full}”' },
  deleteSpace: { zh: '请删去空格', en: 'delete the space' },
  deleteSecond: { zh: '请删去第二个“{word}”', en: 'delete the second “{word}”' },
  completeWord: { zh: '请补全词语（{likely}？）或删去“{char}”', en: 'complete the word ({likely}?) or delete “{char}”' },
  nameList: { zh: '请在“{word}”前面写出它概括的内容，或删去“{word}”', en: 'name what “{word}” sums up in front of it, or delete “{word}”' },
  deleteDone: { zh: '事情如果还没做，请删去“了”，否则去掉要求的说法', en: 'delete “了” if this is still to be done, or drop the demand' },
  fixAbove: { zh: '请先改好上面几处，再检查一次', en: 'fix those above first, then check again' },
});
