/**
 * What the tool says about a speech's front matter, structure and slides, Chinese first (say.ts). The wording a
 * clerk reads is here, in one place; the checks that find the problems (frontmatter.ts, parse.ts, structure.ts,
 * hints.ts, capacity.ts) only choose the entry and fill in its values.
 */
import type { Problem } from './model.ts';
import { messages } from './say.ts';

/** How bad a problem is, as every list of problems names it. */
export const SEVERITY = messages({
  error: { zh: '错误', en: 'error' },
  warning: { zh: '提醒', en: 'warning' },
});

/** `错误 error: 中文 · English`: the severity and the message both start in Chinese. */
export function problemText(problem: Problem): string {
  const { zh, en } = SEVERITY[problem.severity];
  return `${zh} ${en}: ${problem.message}`;
}

/** `place: 错误 error: 中文 · English`, the form editors and terminals link to. */
export function problemLine(place: string, problem: Problem): string {
  return `${place}: ${problemText(problem)}`;
}

/** The front matter: the settings between the two "---" lines at the top. */
export const FRONT_MATTER = messages({
  unclosed: {
    zh: '第 {line} 行的“---”开始了设置，但设置没有结束：请在最后一项设置下面加一行“---”',
    en: 'the front matter that starts with "---" on line {line} is never closed: add a line "---" after its last setting',
  },
  invalid: {
    zh: '设置写得不对（{reason}）：每行写一项“名称: 值”，值里有“:”“[”或“#”时请给值加上引号',
    en: 'the front matter is not valid YAML ({reason}): write one "key: value" setting a line, and put a value with ":", "[" or "#" in quotes',
  },
  unclosedBracket: { zh: '括号没有配对', en: 'a bracket is never closed' },
  unclosedQuote: { zh: '引号没有配对', en: 'a quotation mark is never closed' },
  givenTwice: { zh: '同一项设置写了两次', en: 'a setting is given twice' },
  badIndent: { zh: '缩进不对', en: 'a line is indented wrongly' },
  tabIndent: { zh: '用了制表符缩进', en: 'a tab is used to indent' },
  nestedValue: { zh: '一个值里又有“名称: 值”', en: 'a value holds another "key: value"' },
  unreadable: { zh: '有读不懂的地方', en: 'something in it cannot be read' },
  notSettings: { zh: '设置应是一行一项的“名称: 值”', en: 'the front matter must be a list of "key: value" settings' },
  unknownSetting: {
    zh: '不认识的设置“{key}”，已忽略（可用的设置有 {known}）',
    en: 'unknown setting "{key}" is ignored (known settings: {known})',
  },
  badRate: {
    zh: '语速 rate 要写每分钟 50 到 600 之间的字数，不能是“{value}”',
    en: 'rate must be a number of characters a minute between 50 and 600, not "{value}"',
  },
  badTheme: { zh: '配色 theme 只能是 {themes}，不能是“{value}”', en: 'theme must be one of {themes}, not "{value}"' },
  notPlainText: { zh: '设置 {key} 只能写一段文字', en: '{key} must be plain text' },
});

/** The speech's Markdown as the convention reads it: title, sections, sub-points, the closing. */
export const STRUCTURE = messages({
  emptyFile: {
    zh: '文件是空的：请用 Markdown 写讲话稿，第一行写“# 标题”',
    en: 'the file is empty: write the speech in Markdown, starting with a line "# title"',
  },
  nothingAfterSettings: {
    zh: '设置后面没有讲话稿：请在结束设置的“---”下面写讲话，第一行写“# 标题”',
    en: 'there is no speech after the front matter: write it below the closing "---", starting with a line "# title"',
  },
  noTitle: { zh: '没有标题：讲话稿第一行请写“# 标题”', en: 'no title: start the speech with a line "# title"' },
  textBeforeTitle: { zh: '“#”标题前面有文字：讲话稿应从“# 标题”开始', en: 'text before the "#" title: the speech should start with "# title"' },
  secondTitle: { zh: '又一个“#”标题：讲话稿只有一个标题，部分请用“##”', en: 'a second "#" title: a speech has one title; use "##" for a section' },
  noSections: { zh: '没有“##”部分：幻灯片只有标题、开场和结语', en: 'no "##" sections: the deck has only a title, opening and closing' },
  emptyHeading: { zh: '“{marks}”标题是空的：请在符号后面写标题', en: 'an empty {marks} heading: write the heading’s text after the marks' },
  underlined: {
    zh: '文字下一行的“---”或“===”把它变成了标题；如果想从这里开始结语，请在“---”前空一行',
    en: 'the line under this text makes it a heading; leave a blank line before "---" if you meant to start the closing',
  },
  skippedLevel: {
    zh: '这个“{marks}”标题跳过了一级；小点用“###”。它按要点显示',
    en: 'this "{marks}" heading skips a level; sub-points use "###". It is shown as a key phrase',
  },
  skippedLevelAfter: {
    zh: '这个“{marks}”标题紧跟在“{previous}”后面，跳过了一级；小点用“###”。它按要点显示',
    en: 'this "{marks}" heading skips a level after "{previous}"; sub-points use "###". It is shown as a key phrase',
  },
  deepHeading: {
    zh: '约定里没有“{marks}”标题，这一个按要点显示',
    en: '"{marks}" headings are not part of the convention; this one is shown as a key phrase',
  },
  sectionAfterClosing: {
    zh: '结语的“---”后面又有部分：请把结语移到最后，或删去这个“---”',
    en: 'a section after the closing "---": move the closing to the end or remove the "---"',
  },
  pointAfterClosing: {
    zh: '结语的“---”后面有“###”小点：请把它移到“---”上面的某个部分里',
    en: 'a "###" sub-point after the closing "---": move it above the "---" into a section',
  },
  pointBeforeSection: {
    zh: '“###”小点前面还没有“##”部分（跳过了一级标题）：请在它上面加一个“## 部分”标题',
    en: 'a "###" sub-point before any "##" section (a heading level is skipped): add a "## section" heading above it',
  },
  ruleBeforeSection: {
    zh: '第一个部分之前的“---”不起作用：“---”只在最后一个部分之后开始结语',
    en: '"---" before any section is ignored; it starts the closing only after the last section',
  },
  secondRule: { zh: '又一个“---”，不起作用：结语已经开始了', en: 'a second "---" is ignored: the closing has already started' },
  emptyClosing: { zh: '结语的“---”后面什么也没有：不做结语这一张', en: 'nothing after the closing "---": the closing slide is left out' },
  tooManyMarkers: {
    zh: '这一行套了太多层引用或列表（“> > > …”“- - - …”），不能按 Markdown 读，已作为讲话文字保留',
    en: 'this line opens too many quotes or lists ("> > > …", "- - - …") to be read as Markdown; it is kept as spoken text',
  },
  nestedTooDeeply: {
    zh: '这一行套得太深（“> > > …”或列表里的列表），不能按 Markdown 读，已作为讲话文字保留',
    en: 'this line is nested too deeply ("> > > …" or lists in lists) to be read as Markdown; it is kept as spoken text',
  },
  indentedCode: {
    zh: '这段文字缩进了四个或更多空格，Markdown 会当作代码；已作为讲话文字保留，但请删去缩进',
    en: 'this text is indented by four spaces or more, which Markdown reads as code; it is kept as spoken text, but remove the indent',
  },
  fencedCode: { zh: '用“```”围起来的代码已作为讲话文字保留', en: 'a fenced code block is kept as spoken text' },
  otherBlock: { zh: '这段{block}不在约定之内，其中的文字已作为讲话文字保留', en: 'a {block} is not part of the convention; its text is kept as spoken text' },
  quote: { zh: '引用', en: 'quote' },
  table: { zh: '表格', en: 'table' },
  block: { zh: '内容', en: 'block' },
  pictureInText: {
    zh: '这张图片夹在文字中间，只显示它的说明文字：请把 ![说明](图片) 单独写成一行',
    en: 'a picture inside text is shown as its description only: put "![…](…)" on a line of its own',
  },
  emptySlide: {
    zh: '幻灯片{slide}上什么也没有，也没有要讲的话：请加要点（“- …”）和一段要讲的话，或者删去它',
    en: 'the slide {slide} has nothing on it and nothing to say: add key phrases ("- …") and a paragraph of what you will say, or remove it',
  },
  silentSlide: {
    zh: '幻灯片{slide}没有要讲的话：讲稿是空的，请在要点下面写一段要讲的话',
    en: 'the slide {slide} has nothing to say: its speaker notes are empty, so write what you will say as a paragraph under the key phrases',
  },
  repeatedSection: {
    zh: '部分标题“{heading}”在第 {line} 行已经用过：请给每个部分一个自己的标题',
    en: 'the section title "{heading}" is used already on line {line}: give each section its own title',
  },
  repeatedPoint: {
    zh: '这一部分第 {line} 行已经用过标题“{heading}”：请给这一部分的每张幻灯片一个自己的标题',
    en: 'the heading "{heading}" is used already on line {line} in this section: give each of its slides its own heading',
  },
});

/** Lines that look like markup but are shown as written. */
export const HINTS = messages({
  fullWidthSpace: {
    zh: '这一行以“{marks}”加全角空格开头，不是标题：“{marks}”后面请用半角空格；这一行已作为讲话文字保留',
    en: 'this line starts with "{marks}" and a full-width space, so it is not a heading: use an ordinary space after "{marks}"; the line is kept as spoken text',
  },
  fullWidthHash: {
    zh: '“{marks}”是全角的“＃”，这一行不是标题：请写“{half} ”（半角，再加一个空格）；这一行已作为讲话文字保留',
    en: '"{marks}" is a full-width "＃", so this line is not a heading: write "{half} " (half-width, then a space); the line is kept as spoken text',
  },
  noSpace: {
    zh: '“{marks}”后面没有空格，这一行不是标题：请写“{marks} ”再接标题；这一行已作为讲话文字保留',
    en: 'there is no space after "{marks}", so this line is not a heading: write "{marks} " followed by the heading; the line is kept as spoken text',
  },
  htmlTag: {
    zh: '网页标签（HTML）照原样显示，不起作用：请用 Markdown（如 **加粗**）',
    en: 'HTML tags are shown as written, never applied: use Markdown (such as **bold**) instead',
  },
  refusedLink: {
    zh: '不能链接到“{scheme}:”地址，已作为文字显示：请链接网址（https://…）',
    en: 'links to "{scheme}:" addresses are refused and shown as text: link to a web address (https://…) instead',
  },
});

/** What fits on a slide, and how long it is spoken. */
export const CAPACITY = messages({
  titleTooFull: {
    zh: '标题页放不下：请把标题缩短到 40 字以内，或精简讲话人、场合',
    en: 'the title slide does not fit even at the smallest size: shorten the title or the speaker and occasion lines',
  },
  agendaTooFull: {
    zh: '目录放不下：有的“##”标题太长，请缩短',
    en: 'the agenda does not fit even at the smallest size: a "##" section title is too long, shorten it',
  },
  sectionTooFull: {
    zh: '这一张放不下：请精简部分标题下的要点，或把一部分移到“###”小点',
    en: 'this slide does not fit even at the smallest text size (28 px): shorten its key phrases or move some to a "###" sub-point',
  },
  pointTooFull: {
    zh: '这一张放不下：请精简要点，或把一部分移到新的“###”小点',
    en: 'this slide shows more than fits even at the smallest text size (28 px): shorten its key phrases or move some to a new "###" slide',
  },
  openingTooFull: {
    zh: '开场这一张放不下：请精简要点',
    en: 'the opening shows more than fits even at the smallest text size (28 px): shorten its key phrases',
  },
  closingTooFull: {
    zh: '结语这一张放不下：请精简要点',
    en: 'the closing shows more than fits even at the smallest text size (28 px): shorten its key phrases',
  },
  longTitle: {
    zh: '标题有 {count} 个字，超过 {max} 字排不好：请缩短，或把副题写进“occasion”',
    en: 'the title has {count} characters, more than {max} set well on the title slide: shorten it, or move a subtitle to "occasion"',
  },
  longSlide: {
    zh: '这一张要讲 {spoken} 个字（约 {minutes} 分钟），一张幻灯片讲这么久太长：请在换话题处加“###”小点分成几张',
    en: 'this slide has {spoken} spoken characters (about {minutes} min), long for one slide: split it with "###" sub-points where the subject changes',
  },
});
