/**
 * What the deck page itself says, Chinese first (core/say.ts). Kept to the page's own few messages: the deck
 * file carries this table and no other.
 */
import { messages } from '../core/say.ts';

/** The notice over the deck while `npm start` follows the speech file; pure, so that a built deck, which never shows it, leaves it out. */
export const LIVE = /* @__PURE__ */ messages({
  missing: {
    zh: '找不到讲话稿“{file}”：幻灯片保持原样，文件恢复后自动更新',
    en: '{file} is missing: the deck stays as it was and updates when the file is back',
  },
  hasErrors: {
    zh: '讲话稿有错误，显示的仍是上次正确保存的版本；改正并保存后此提示消失',
    en: 'The speech has errors; the deck shows the last good save until they are fixed',
  },
});

/** What the fit pass says in the browser's console about a slide it cannot fit. */
export const FIT = messages({
  tooMuch: {
    zh: '从第 {line} 行起的幻灯片用最小字号也放不下，请缩短或拆分',
    en: 'the slide from line {line} does not fit even at the smallest text size; shorten or split it',
  },
});
