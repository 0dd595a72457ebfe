/**
 * What the studio page says, Chinese first (core/say.ts): its status lines, its report and the advice it gives.
 * The studio's clerk never sees Markdown, so where the speech's own messages (core/messages.ts,
 * core/import/messages.ts) tell the author to write "###" or "---", the studio says which of its buttons does it
 * (ADVICE, matched to those messages in advice.ts).
 */
import { messages } from '../core/say.ts';

/** The status line. */
export const STATUS = messages({
  gettingFonts: { zh: '正在准备字体……', en: 'Getting the fonts ready …' },
  openPrompt: {
    zh: '请打开讲话稿：Word 文件（.docx、.doc、.wps）、文本文件（.txt），或粘贴文字。',
    en: 'Open a speech to begin: a Word file (.docx, .doc, .wps), a text file (.txt), or pasted text.',
  },
  fontsFailed: { zh: '字体无法准备：{reason}', en: 'The fonts could not be prepared: {reason}' },
  reading: { zh: '正在读取“{name}”……', en: 'Reading {name} …' },
  unreadable: { zh: '无法读取：{reason}', en: 'Could not read it: {reason}' },
  closed: {
    zh: '打不开这个文件，上一份讲话稿也已关闭，现在没有可保存的内容：{reason}',
    en: 'This file cannot be opened, and the previous speech is closed: there is nothing to save. {reason}',
  },
  waiting: { zh: '正在把刚才的修改做进幻灯片，完成后即保存……', en: 'Taking in the last edit; saving when it is done …' },
  cannotSave: {
    zh: '讲话稿有错误（见“导入结果”），改正后才能保存幻灯片',
    en: 'The speech has errors (see the report); fix them to save the deck',
  },
  notMade: { zh: '幻灯片没有生成，不能保存：{reason}', en: 'The deck was not made, so it cannot be saved: {reason}' },
  saved: { zh: '已保存“{name}”，在浏览器的“下载”里', en: 'Saved {name}, in the browser’s downloads' },
  savedPptx: {
    zh: '已保存“{name}”；{count} 张图片不是 PNG、JPEG 或 GIF，只显示了说明文字',
    en: 'Saved {name}; {count} picture(s) not PNG, JPEG or GIF are shown as their description',
  },
  pptxFailed: { zh: 'PowerPoint 文件生成失败：{reason}', en: 'The .pptx could not be made: {reason}' },
  docxFailed: { zh: 'Word 讲稿生成失败：{reason}', en: 'The Word manuscript could not be made: {reason}' },
  noText: { zh: '没有可用的文字：请先把讲话稿粘贴到文本框里', en: 'Nothing to use: paste the speech into the box first' },
  emptyFile: { zh: '“{name}”里没有文字', en: 'There is no text in {name}' },
  pasted: { zh: '粘贴的文字', en: 'pasted text' },
});
