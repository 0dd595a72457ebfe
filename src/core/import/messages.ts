/** The import report's words, Chinese first: what was found, what deserves a look, and what a Word file held besides its text. */
import { messages } from '../say.ts';

export const REPORT = messages({
  imported: { zh: '导入', en: 'Imported' },
  structure: { zh: '找到的结构（数字是原文的第几{unit}）', en: 'Structure found (numbers are {unit}s of the original):' },
  line: { zh: '行', en: 'line' },
  paragraph: { zh: '段', en: 'paragraph' },
  title: { zh: '标题', en: 'title' },
  speaker: { zh: '讲话人', en: 'speaker' },
  date: { zh: '日期', en: 'date' },
  occasion: { zh: '场合', en: 'occasion' },
  opening: { zh: '开场', en: 'opening' },
  section: { zh: '部分', en: 'section' },
  point: { zh: '小点', en: 'point' },
  closing: { zh: '结语', en: 'closing' },
  frontMatter: { zh: '前置设置', en: 'front matter, not spoken' },
  fromTitle: { zh: '取自标题', en: 'from the title' },
  startsWith: { zh: '以“{cue}”开头', en: 'starts with {cue}' },
  slides: {
    zh: '共 {slides} 张幻灯片，预计讲话约 {minutes}（每分钟 {rate} 字）',
    en: '{slides} slides, about {minutes} of speaking at {rate} characters a minute',
  },
  worthALook: { zh: '请看一下', en: 'Worth a look:' },
  nothing: { zh: '没有', en: 'nothing' },
  drafted: { zh: '草拟的要点（是草稿，请逐条核对、修改）', en: 'Drafted key phrases (a draft: review and edit each):' },
  metaLine: {
    zh: '第 {line} {unit}“{text}”写进了前置设置的 {key}，不在讲稿里',
    en: '{unit} {line} "{text}" went into the front matter as {key}, not into the spoken text',
  },
  longSlide: {
    zh: '这张幻灯片要讲 {chars} 字（约 {minutes} 分钟），可以考虑用“###”分成两张',
    en: 'this slide has {chars} characters to say (about {minutes} min); consider splitting it with a "###" heading',
  },
  phrasesDrafted: {
    zh: '共 {count} 条要点（“- ”开头的行）是自动草拟的，原样取自讲话，请逐条核对、改成观众该记住的话',
    en: 'the {count} key phrases ("- " lines) are drafted, verbatim from the speech: review each and make it what the audience should retain',
  },
  fewPhrases: {
    zh: '有 {count} 张幻灯片要讲的话几乎只有标题，草拟的要点不到两条（第 {where} 行），请补上或留空',
    en: '{count} slide(s) have little to say beyond the heading, so fewer than two key phrases were drafted (line {where}): add some or leave them',
  },
  noPoints: {
    zh: '“{heading}”一部分没有找到小点，整部分是一张幻灯片；需要时用“### 小标题”把它分开',
    en: 'no sub-points found in "{heading}": the whole section is one slide; split it with "### heading" lines if it has points',
  },
  noClosing: {
    zh: '没有找到结语（以“{cues}”等开头的段落），最后一段留在最后一部分；如果它是结语，在它上面加一行“---”（前后空行）',
    en: 'no closing found (a paragraph starting with {cues} or the like): the last paragraph stays in the last section; if it is the closing, put a line "---" above it, with blank lines around',
  },
  noSections: {
    zh: '没有找到部分（一、二、三，第一部分，或 Word 的“标题 1”样式），全文都放在开场一张幻灯片上；用“## 一、…”标出各部分',
    en: 'no sections found (一、二、三, 第一部分 or Word\'s Heading 1 style): the whole speech is on the opening slide; mark the sections with "## 一、…" lines',
  },
  table: {
    zh: '这里的表格改成了讲话文字（每行一段，单元格之间空一格），请看读起来是否通顺',
    en: 'a table here became spoken text (a paragraph a row, cells separated by a space): check that it reads well',
  },
  pictureFormat: {
    zh: '第 {line} 段的图片是浏览器不能显示的格式（{ext}），已存为 {name}；请在 Word 里另存为 PNG 后替换',
    en: 'the picture in paragraph {line} is in a format browsers cannot show ({ext}), saved as {name}; save it from Word as PNG and replace it',
  },
  picturesSaved: { zh: '已把 {count} 张图片存进了 {folder}，并在幻灯片上引用', en: '{count} picture(s) saved in {folder} and shown on their slides' },
});

/** What a Word file held besides its spoken text: each line says what was done with it. */
export const REVIEW = messages({
  heading: { zh: '不念的内容和修改痕迹（Word 文件里）', en: 'What the Word file holds besides the spoken text:' },
  hidden: {
    zh: '有 {count} 处隐藏文字（字体设为“隐藏”）没有念，也不显示：{list}；要念就在 Word 里取消隐藏后重新导入',
    en: '{count} passage(s) of hidden text (font set to Hidden) left out, neither spoken nor shown: {list}; to have them said, unhide them in Word and import again',
  },
  hiddenItem: { zh: '第 {line} 段“{text}”', en: 'paragraph {line} "{text}"' },
  comment: {
    zh: '第 {line} 段有 {author}的批注：“{text}”（批在“{on}”上）；批注不念，会前请把它处理掉',
    en: 'paragraph {line} has a comment by {author}: "{text}" (on "{on}"); comments are not spoken: settle it before the meeting',
  },
  commentNoRange: {
    zh: '第 {line} 段有 {author}的批注：“{text}”；批注不念，会前请把它处理掉',
    en: 'paragraph {line} has a comment by {author}: "{text}"; comments are not spoken: settle it before the meeting',
  },
  someone: { zh: '未署名者', en: 'someone' },
  revisions: {
    zh: '文件里有 {count} 处没有接受或拒绝的修订（插入 {insertions} 处，删除 {deletions} 处），已按“全部接受”读入：插入的字念，删除的字不念；文字可能还不是定稿，请在 Word 里审阅后确认',
    en: 'the file has {count} tracked change(s) not yet accepted or rejected ({insertions} insertion(s), {deletions} deletion(s)), read as if all were accepted: inserted text is spoken, deleted text is not; the text may not be final, so review them in Word',
  },
  boxTaken: {
    zh: '第 {line} 段起的文字来自文本框，已读进讲稿、放在它所在的段落之后：“{text}”；请看位置是否合适',
    en: 'the text from paragraph {line} on comes from a text box, taken into the speech after the paragraph it is anchored in: "{text}"; check that it sits in the right place',
  },
  boxLeft: {
    zh: '第 {line} 段旁有文本框（或图形里的文字）没有读入：“{text}”；要念就把它抄进讲稿',
    en: 'a text box (or text in a shape) by paragraph {line} was left out: "{text}"; copy it into the speech if it is to be said',
  },
  note: {
    zh: '第 {line} 段的{kind}不念，也不进讲稿：“{text}”',
    en: 'the {kind} in paragraph {line} is neither spoken nor kept: "{text}"',
  },
  footnote: { zh: '脚注', en: 'footnote' },
  endnote: { zh: '尾注', en: 'endnote' },
  toc: { zh: '第 {line} 段起的目录没有读入（目录不念）', en: 'the table of contents from paragraph {line} on was left out (it is not spoken)' },
  page: { zh: '第 {line} 段的页码域没有读入', en: 'the page number field in paragraph {line} was left out' },
  objects: {
    zh: '第 {lines} 段有图片或图形没有取出（Word 97–2003 文件里的图片不读）；需要时把文件另存为 .docx 再导入',
    en: 'pictures or drawings in paragraph(s) {lines} were not taken along (pictures in Word 97–2003 files are not read); save the file as .docx and import that if they are wanted',
  },
});

/** The rule that found each part (structure.ts's FoundBy), as the report names it. */
export const FOUND = messages({
  'title-style': { zh: '标题样式（Word 的“标题”）', en: "Word's Title style" },
  'first-line': { zh: '第一行', en: 'the first line' },
  'first-sentence': { zh: '第一句（原文没有标题行）', en: 'the first sentence (no title line)' },
  'heading-style': { zh: '标题样式（Word 的“标题 1”等）', en: "Word's heading style" },
  numbered: { zh: '编号', en: 'its number' },
  ordinal: { zh: '一是、二是', en: 'ordinals (一是, 二是)' },
  bold: { zh: '加粗的首句', en: 'a bold lead sentence' },
  parallel: { zh: '并列短句', en: 'parallel short sentences' },
  cue: { zh: '结语开头的词', en: 'a closing cue word' },
});
