/**
 * What the studio page says, Chinese first (core/say.ts): its status lines, its report and the advice it gives.
 * The studio's clerk never sees Markdown, so where the speech's own messages (core/messages.ts,
 * core/import/messages.ts) tell the author to write "###" or "---", the studio says which of its buttons does it
 * (ADVICE, matched to those messages in advice.ts).
 */
import { messages } from '../core/say.ts';

/** The status line. */
export const STATUS = messages({
  lacking: { zh: '这个浏览器缺少：{names}', en: 'This browser lacks: {names}' },
  gettingReady: { zh: '正在准备字体和校对词典……', en: 'Getting the fonts and the dictionary ready …' },
  structure: { zh: '正在分析讲话稿的结构……', en: 'Reading the structure …' },
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
  pptxFailed: { zh: '生成 PowerPoint 文件失败：{reason}', en: 'The .pptx could not be made: {reason}' },
  docxFailed: { zh: '生成 Word 讲稿失败：{reason}', en: 'The Word manuscript could not be made: {reason}' },
  printNote: {
    zh: '“打印讲稿”按公文格式排出讲稿（A4，三号仿宋，每张幻灯片开始处标 ▶），用电脑自带的仿宋、楷体、黑体；在打印窗口选“另存为 PDF”即得 PDF。Chrome/Edge 131 以前的版本打印不出页码：要页码，请点“保存讲稿（Word）”，用 Word 或 WPS 打开打印',
    en: 'Print manuscript lays out the speech as an official document; choose “Save as PDF” in the print dialog. Chrome and Edge before 131 print no page numbers: for them, save the manuscript as Word and print it from Word or WPS',
  },
  hasErrors: {
    zh: '讲话稿有错误（见“导入结果”），改正后才能生成幻灯片',
    en: 'The speech has errors (listed in the report); fix them to make the deck',
  },
  makingFonts: { zh: '正在生成幻灯片的字体……', en: 'Making the fonts …' },
  makingFontsCount: { zh: '正在生成幻灯片的字体（{done}/{total}）……', en: 'Making the fonts ({done}/{total}) …' },
  ready: {
    zh: '幻灯片已就绪：{slides} 张，预计讲话约 {minutes}。可以保存',
    en: 'The deck is ready to save: {slides} slides, about {minutes} of speaking',
  },
  makeFailed: { zh: '生成失败：{reason}', en: 'The deck could not be made: {reason}' },
  noText: { zh: '没有可用的文字：请先把讲话稿粘贴到文本框里', en: 'Nothing to use: paste the speech into the box first' },
  emptyFile: { zh: '“{name}”里没有文字', en: 'There is no text in {name}' },
  pasted: { zh: '粘贴的文字', en: 'pasted text' },
});

/** The buttons that change the speech's structure (structure.ts): their label, and what they do as their tooltip. */
export const ACTIONS = messages({
  section: { zh: '设为部分', en: 'Start a section at this paragraph' },
  point: { zh: '设为小点', en: 'Start a sub-point at this paragraph' },
  split: { zh: '从这里分张', en: 'Split the slide at this paragraph' },
  closing: { zh: '设为结语', en: 'Start the closing at this paragraph' },
  merge: { zh: '并入上一张', en: 'Merge into the slide before' },
  promote: { zh: '升为部分', en: 'Make this sub-point a section' },
  demote: { zh: '降为小点', en: 'Make this section a sub-point of the one before' },
  refusedText: { zh: '没有改：这样改会改动讲稿原文', en: 'Not changed: it would change the spoken text' },
  refusedErrors: { zh: '没有改：这样改会让讲话稿出错', en: 'Not changed: it would give the speech an error' },
});

/**
 * The studio's wording of the speech's messages that tell a Markdown author what to write: each names the
 * button that does it instead (advice.ts pairs them with the messages they stand for). `{section}`, `{point}`,
 * `{split}`, `{closing}` and `{merge}` are the buttons' names.
 */
export const ADVICE = messages({
  noSections: {
    zh: '没有部分：幻灯片只有标题、开场和结语。请展开开场的“讲稿原文”，在每部分开头的段落下点“{section}”',
    en: 'no sections: the deck has only a title, opening and closing. Open the opening’s spoken text and click “{section}” under the paragraph each section starts with',
  },
  emptySlide: {
    zh: '幻灯片{slide}上什么也没有，也没有要讲的话：请点“＋ 添加要点”，或点“{merge}”把它并入上一张',
    en: 'the slide {slide} has nothing on it and nothing to say: add key phrases with “＋ 添加要点”, or click “{merge}”',
  },
  silentSlide: {
    zh: '幻灯片{slide}没有要讲的话：可以点“{merge}”把它并入上一张',
    en: 'the slide {slide} has nothing to say: click “{merge}” to join it to the slide before',
  },
  repeatedSection: {
    zh: '部分标题“{heading}”在{slide}已经用过：请给每个部分一个自己的标题',
    en: 'the section title "{heading}" is used already on {slide}: give each section its own title',
  },
  repeatedPoint: {
    zh: '这一部分的{slide}已经用过标题“{heading}”：请给这一部分的每张幻灯片一个自己的标题',
    en: 'the heading "{heading}" is used already on {slide} in this section: give each of its slides its own heading',
  },
  agendaTooFull: {
    zh: '目录放不下：有的部分标题太长，请缩短',
    en: 'the agenda does not fit even at the smallest size: a section title is too long, shorten it',
  },
  sectionTooFull: {
    zh: '这一张放不下：请精简要点，或展开“讲稿原文”，在段落下点“{point}”把一部分分出去',
    en: 'this slide does not fit even at the smallest text size: shorten its key phrases, or click “{point}” under a paragraph of its spoken text',
  },
  pointTooFull: {
    zh: '这一张放不下：请精简要点，或展开“讲稿原文”，在段落下点“{split}”分成两张',
    en: 'this slide does not fit even at the smallest text size: shorten its key phrases, or click “{split}” under a paragraph of its spoken text',
  },
  longSlide: {
    zh: '这一张要讲 {spoken} 个字（约 {minutes} 分钟），一张幻灯片讲这么久太长：请展开“讲稿原文”，在换话题的段落下点“{split}”或“{point}”',
    en: 'this slide has {spoken} spoken characters (about {minutes} min), long for one slide: click “{split}” or “{point}” under the paragraph where the subject changes',
  },
  importLongSlide: {
    zh: '这张幻灯片要讲 {chars} 字（约 {minutes} 分钟），可以考虑在换话题的段落下点“{split}”分成两张',
    en: 'this slide has {chars} characters to say (about {minutes} min); consider clicking “{split}” under the paragraph where the subject changes',
  },
  phrasesDrafted: {
    zh: '共 {count} 条要点是自动草拟的，原样取自讲话，请在“逐张检查”里逐条核对、改成观众该记住的话',
    en: 'the {count} key phrases are drafted, verbatim from the speech: review each under “Check each slide” and make it what the audience should retain',
  },
  fewPhrases: {
    zh: '有 {count} 张幻灯片要讲的话几乎只有标题，草拟的要点不到两条（{where}），请补上或留空',
    en: '{count} slide(s) have little to say beyond the heading, so fewer than two key phrases were drafted ({where}): add some or leave them',
  },
  noPoints: {
    zh: '“{heading}”一部分没有找到小点，整部分是一张幻灯片；需要时展开它的“讲稿原文”，在段落下点“{point}”把它分开',
    en: 'no sub-points found in "{heading}": the whole section is one slide; click “{point}” under a paragraph of its spoken text to split it',
  },
  noClosing: {
    zh: '没有找到结语（以“{cues}”等开头的段落），最后一段留在最后一部分；如果它是结语，请在它下面点“{closing}”',
    en: 'no closing found (a paragraph starting with {cues} or the like): the last paragraph stays in the last section; if it is the closing, click “{closing}” under it',
  },
  importNoSections: {
    zh: '没有找到部分（一、二、三，第一部分，或 Word 的“标题 1”样式），全文都放在开场一张幻灯片上；请展开开场的“讲稿原文”，在每部分开头的段落下点“{section}”',
    en: "no sections found (一、二、三, 第一部分 or Word's Heading 1 style): the whole speech is on the opening slide; click “{section}” under the paragraph each section starts with",
  },
});

/** Where something is, as the clerk finds it in the studio: a slide by its number and heading, a paragraph by its number. */
export const PLACE = messages({
  slide: { zh: '第 {n} 张', en: 'slide {n}' },
  slideHeading: { zh: '第 {n} 张“{heading}”', en: 'slide {n} “{heading}”' },
  paragraph: { zh: '第 {n} 张“{heading}”第 {p} 段', en: 'slide {n} “{heading}”, paragraph {p}' },
  original: { zh: '原文第 {n} {unit}', en: '{unit} {n} of the original' },
});

/** The proofreading pane. */
export const FINDINGS_PANE = messages({
  working: { zh: '校对：正在校对（{percent}%）……', en: 'Proofreading ({percent}%) …' },
  found: {
    zh: '校对：{count} 处可能的问题（{errors} 个错误，{warnings} 个提醒），点一条看它所在的段落',
    en: 'Proofreading: {count} possible slip(s) ({errors} error(s), {warnings} warning(s)); click one to see its paragraph',
  },
  nothing: { zh: '校对：没有发现问题', en: 'Proofreading found nothing to fix' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '提醒', en: 'warning' },
  text: { zh: '原文', en: 'text' },
  line: { zh: '第 {n} 行', en: 'line {n}' },
});

/** The report pane. */
export const REPORT_PANE = messages({
  summary: {
    zh: '导入结果：{slides} 张幻灯片，约讲 {minutes}；{problems}',
    en: 'What was found: {slides} slides, about {minutes} of speaking; {problems}',
  },
  changed: {
    zh: '以下是打开文件时找到的结构和建议；之后结构已调整，现在的幻灯片见“逐张检查”，现在的问题列在最下面',
    en: 'Below is what was found when the file was opened; the structure has changed since: the slides are as listed under “Check each slide”, and the problems now are listed at the end',
  },
  noProblems: { zh: '没有问题', en: 'no problems' },
  errors: { zh: '{count} 个错误', en: '{count} error(s)' },
  warnings: { zh: '{count} 个提醒', en: '{count} warning(s)' },
  looks: { zh: '导入时请看一下 {count} 处', en: '{count} remark(s) from the import' },
  open: { zh: '展开', en: 'open' },
  source: { zh: '来源：{name}（Markdown，按原样使用）', en: 'Source: {name} (Markdown, used as written)' },
  title: { zh: '标题', en: 'title' },
  opening: { zh: '开场', en: 'opening' },
  section: { zh: '部分', en: 'section' },
  point: { zh: '小点', en: 'point' },
  closing: { zh: '结语', en: 'closing' },
  slides: {
    zh: '共 {slides} 张幻灯片，预计讲话约 {minutes}（每分钟 {rate} 字）',
    en: '{slides} slides, about {minutes} of speaking at {rate} characters a minute',
  },
  missing: {
    zh: '这些字不在工作台自带的常用字字体里，保存的幻灯片会用电脑自带的字体显示它们：{chars}',
    en: 'These characters are not in the studio’s fonts; the deck shows them in a system font: {chars}',
  },
});

/** The slide-by-slide check (outline.ts). */
export const OUTLINE = messages({
  title: { zh: '标题页', en: 'title slide' },
  opening: { zh: '开场', en: 'opening' },
  agenda: { zh: '目录', en: 'agenda' },
  section: { zh: '部分', en: 'section' },
  numberedSection: { zh: '第{numeral}部分', en: 'section {numeral}' },
  point: { zh: '小点', en: 'sub-point' },
  closing: { zh: '结语', en: 'closing' },
  where: { zh: '第 {n} 张 · 约 {time}', en: 'slide {n}, about {time}' },
  whereAgenda: { zh: '第 {n} 张 · 按各部分自动生成', en: 'slide {n}, made from the sections' },
  heading: { zh: '标题', en: 'heading' },
  phrase: { zh: '要点 {n}', en: 'key phrase {n}' },
  picture: { zh: '图片：{text}', en: 'picture: {text}' },
  noCaption: { zh: '无说明', en: 'no description' },
  remove: { zh: '删除这条要点', en: 'remove this key phrase' },
  add: { zh: '添加要点', en: 'add a key phrase' },
  newPhrase: { zh: '新要点', en: 'new key phrase' },
  spoken: { zh: '讲稿原文（只读，{chars} 字）', en: 'spoken text, read-only, {chars} characters' },
});
