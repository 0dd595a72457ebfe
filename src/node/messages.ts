/**
 * What the command line says, Chinese first (core/say.ts): its help, its errors with what to do about them, and
 * its progress. A command chooses the entry and fills in its values; the wording is here.
 */
import { messages } from '../core/say.ts';

/** How a problem in the speech is labelled: `file:line: 错误 error: …`. */

/** The help, and what is wrong with the command line itself. */
export const CLI = messages({
  usage: { zh: '用法', en: 'Usage' },
  commands: { zh: '命令', en: 'Commands' },
  options: { zh: '选项', en: 'Options' },
  speechDefault: { zh: '讲话稿默认是 {file}', en: 'The speech defaults to {file}.' },
  eachCommand: { zh: '每个命令的选项：speech-deck <命令> --help', en: 'Each command’s options: speech-deck <command> --help' },
  unknownCommand: { zh: '没有“{name}”这个命令', en: 'there is no command "{name}"' },
  tooManyArguments: { zh: '多余的参数：{extra}', en: 'too many arguments: {extra}' },
  needsValue: { zh: '选项 {option} 后面要跟一个值', en: 'the option {option} needs a value after it' },
  badArguments: { zh: '参数有误：{detail}', en: 'the arguments are wrong: {detail}' },
  otherCommands: {
    zh: '命令 {command} 没有 {option} 选项，它属于 {owners}',
    en: '{command} has no option {option}; it belongs to {owners}',
  },
  didYouMean: { zh: '没有 {option} 这个选项，是不是 --{meant}？', en: 'there is no option {option}; did you mean --{meant}?' },
  unknownOption: { zh: '没有 {option} 这个选项', en: 'there is no option {option}' },
  unexpected: { zh: '意外的故障：{detail}', en: 'unexpected failure: {detail}' },
  stopped: { zh: '已停止', en: 'stopped' },
});

/** Reading the speech, and what `check` and the other commands say of its problems. */
export const SPEECH = messages({
  noSuchFile: {
    zh: '找不到文件“{path}”：请给出 Markdown 讲话稿的路径，如 slides/speech.md',
    en: '{path}: no such file. Give the path of a speech in Markdown, e.g. slides/speech.md',
  },
  isFolder: {
    zh: '“{path}”是文件夹，不是讲话稿：请给出文件夹里的 .md 文件，如 slides/speech.md',
    en: '{path} is a folder, not a speech: give the .md file in it, e.g. slides/speech.md',
  },
  cannotRead: { zh: '无法读取“{path}”（{code}）', en: '{path}: cannot be read ({code})' },
  oneError: { zh: '讲话稿“{file}”有 1 个错误（见上）：改正后再试', en: '{file}: 1 error (listed above); fix it and try again' },
  errors: { zh: '讲话稿“{file}”有 {count} 个错误（见上）：改正后再试', en: '{file}: {count} errors (listed above); fix them and try again' },
  checkedClean: { zh: '检查了“{file}”：没有发现问题', en: '{file}: no problems found' },
  checked: { zh: '检查了“{file}”：{errors}，{warnings}', en: '{file}: {errors}, {warnings}' },
  errorCount: { zh: '{n} 个错误', en: '{n} errors' },
  oneErrorCount: { zh: '1 个错误', en: '1 error' },
  warningCount: { zh: '{n} 个提醒', en: '{n} warnings' },
  oneWarningCount: { zh: '1 个提醒', en: '1 warning' },
  missing: {
    zh: '讲话稿“{file}”不见了：幻灯片保持原样，文件恢复后自动更新',
    en: '{file} is missing; the deck stays as it was and updates when the file is back',
  },
});

/** The pictures a speech shows. */
export const PICTURES = messages({
  onTheWeb: {
    zh: '图片“{target}”在网上，离线文件不能去网上取：请把图片存到讲话稿旁边，写成 ![说明](图片.png)',
    en: 'the picture "{target}" is on the web, and the offline file must never fetch anything: save it next to the speech and write ![…](picture.png)',
  },
  notAFile: {
    zh: '图片地址“{target}”不是文件：请写图片相对于讲话稿的路径，如 ![说明](图片.png)',
    en: 'the picture address "{target}" is not a file: write its path relative to the speech, such as ![…](picture.png)',
  },
  notAFileThere: { zh: '图片“{target}”不是文件（{place}）', en: 'the picture "{target}" is not a file ({place})' },
  notFound: {
    zh: '找不到图片“{target}”（应在 {place}）：请检查文件名，路径从讲话稿所在的文件夹算起',
    en: 'no picture "{target}" at {place}: check the name, and that the path starts from the speech\'s folder',
  },
  cannotRead: { zh: '图片“{target}”无法读取（{code}）', en: 'the picture "{target}" cannot be read ({code})' },
  notAPicture: {
    zh: '“{target}”不是能用的图片，只能用 PNG、JPEG、WebP、GIF 或 SVG',
    en: '"{target}" is not a picture this tool can use: PNG, JPEG, WebP, GIF or SVG',
  },
  damaged: {
    zh: '图片“{target}”已损坏，打不开（{reason}）：请重新保存或导出',
    en: 'the picture "{target}" is damaged and cannot be opened ({reason}): save or export it again',
  },
  notInPptx: {
    zh: '图片不是 PNG、JPEG 或 GIF，PowerPoint 文件里只显示其说明文字',
    en: 'this picture is not PNG, JPEG or GIF data and is shown as its description in the .pptx',
  },
});

/** Writing the outputs, and why a write failed. */
export const FILES = messages({
  cannotWrite: { zh: '无法写出“{path}”：{reason}', en: 'cannot write {path}: {reason}' },
  cannotWriteTemp: {
    zh: '无法写入生成用的临时文件夹“{path}”：{reason}（可设置 TMPDIR 换一个文件夹）',
    en: "cannot write {path}, the build's temporary folder (set TMPDIR to use another): {reason}",
  },
  notWhole: { zh: '写出的文件不完整（{detail}）', en: 'the file did not read back whole ({detail})' },
  exists: { zh: '“{path}”已经存在，没有改动；要覆盖请加 --force', en: '{path} already exists, left as it is; add --force to replace it' },
  stoppedBeforeWriting: { zh: '已停止，没有写出文件', en: 'stopped before the outputs were written' },
  stoppedBeforeRenaming: { zh: '已停止，新文件没有替换旧文件', en: 'stopped before the outputs were put in place' },
  diskFull: { zh: '磁盘已满', en: 'the disk is full' },
  quota: { zh: '磁盘配额已用完', en: 'your disk quota is used up' },
  readOnly: { zh: '这个文件夹是只读的', en: 'the folder is read-only' },
  denied: { zh: '没有写入权限', en: 'permission denied: this account may not write there' },
  fileInTheWay: { zh: '此处是文件，不是文件夹', en: 'a file stands where a folder should be' },
  folderInTheWay: { zh: '此处是文件夹，不是文件', en: 'a folder stands where the file should be' },
  folderGone: { zh: '文件夹不存在', en: 'the folder is gone' },
  nameTooLong: { zh: '文件名太长', en: 'the name is too long' },
  diskError: { zh: '磁盘读写出错', en: 'the disk reported an error' },
  inUse: { zh: '文件正被其他程序使用', en: 'the file is in use by another program' },
  refused: { zh: '系统拒绝写入（{code}）', en: 'the system refused ({code})' },
});

/** Building the deck and the PowerPoint file, and the fonts they embed. */
export const BUILD = messages({
  building: { zh: '正在由“{source}”生成幻灯片“{target}”…', en: 'Building {target} from {source} …' },
  built: {
    zh: '已写出“{target}”，用时 {seconds} 秒：{slides} 张幻灯片，约讲 {duration}',
    en: 'Wrote {target} in {seconds} s: {slides} slides, about {duration} of speaking',
  },
  size: {
    zh: '大小 {total}：字体 {fonts}，脚本 {scripts}，样式 {styles}，内容 {content}',
    en: '{total}: fonts {fonts}, script {scripts}, styles {styles}, content {content}',
  },
  sizeWithPictures: {
    zh: '大小 {total}：字体 {fonts}，脚本 {scripts}，样式 {styles}，图片 {pictures}，内容 {content}',
    en: '{total}: fonts {fonts}, script {scripts}, styles {styles}, pictures {pictures}, content {content}',
  },
  bundling: {
    zh: '正在打包幻灯片页面（这个版本只做一次，留作以后使用）…',
    en: 'Bundling the deck page (once for this version of speech-deck, kept for later builds) …',
  },
  pageNotKept: { zh: '打包好的幻灯片页面没能留存，下次要重新打包：{why}', en: 'The deck page was not kept for later builds: {why}' },
  failed: { zh: '幻灯片没能生成：{detail}', en: 'the deck could not be built: {detail}' },
  silentBundler: { zh: '打包工具没有说明原因就停了', en: 'the bundler stopped without saying why' },
  writingPptx: { zh: '正在由“{source}”生成 PowerPoint 文件“{target}”…', en: 'Writing {target} from {source} …' },
  wrotePptx: {
    zh: '已写出“{target}”，用时 {seconds} 秒：{slides} 张幻灯片，{kb} KB，备注里是全部讲话',
    en: 'Wrote {target} in {seconds} s: {slides} slides, {kb} KB, the whole speech in the notes',
  },
  imported: { zh: '已写入：{files}', en: 'Wrote: {files}' },
  nextStep: {
    zh: '下一步：打开“{md}”核对要点，然后放映：npm start -- {md}',
    en: 'Next: review its key phrases, then present it:  npm start -- {md}',
  },
  buildingStudio: { zh: '正在生成工作台“{target}”…', en: 'Building {target} …' },
  convertingFace: {
    zh: '正在为工作台转换字体 {face}（留作以后使用）…',
    en: 'Converting {face} for the studio (kept for later builds) …',
  },
  builtStudio: {
    zh: '已写出“{target}”，用时 {seconds} 秒：{mb} MB（字体 {fonts}，HarfBuzz {harfbuzz}，Brotli {brotli}，词典 {dictionary}，幻灯片页面 {shell}，工作台代码和程序库 {rest}）',
    en: 'Wrote {target} in {seconds} s: {mb} MB (fonts {fonts}, HarfBuzz {harfbuzz}, Brotli {brotli}, dictionary {dictionary}, deck page {shell}, studio code and libraries {rest})',
  },
  badPort: { zh: '选项 --port 要写 1 到 65535 之间的整数，不能是“{text}”', en: '--port must be a whole number from 1 to 65535, not "{text}"' },
});

/** The fonts embedded in the deck. */
export const FONTS = messages({
  subsetting: {
    zh: '正在把字体 {family} {weight} 裁剪到 {count} 个字（留作以后使用）…',
    en: 'Subsetting {family} {weight} to {count} characters (kept for later builds) …',
  },
  notKept: { zh: '裁剪好的字体没能留存，下次要重新裁剪：{why}', en: 'The font subset was not kept for later builds: {why}' },
  notMade: {
    zh: '字体 {family} {weight} 没能生成（{detail}）：请再运行一次',
    en: 'the {family} {weight} font could not be made ({detail}); run the command again',
  },
  lostCharacters: {
    zh: '生成的字体 {family} {weight} 缺了 {characters}：请再运行一次',
    en: 'the {family} {weight} font came out without {characters}; run the command again',
  },
  missing: {
    zh: '嵌入的{face}字体里没有“{file}”用到的 {characters}，电脑上没有相应字体时会显示成方框',
    en: '{file}: no embedded {face} font has {characters}; on a machine without such a font it shows as a box',
  },
  heading: { zh: '标题', en: 'heading' },
  body: { zh: '正文', en: 'body' },
  strong: { zh: '粗体', en: 'strong' },
});

/** Finding a browser to print with, and printing. */
export const PRINTING = messages({
  badBrowserPath: {
    zh: '按 {source} 给出的“{given}”运行不了浏览器：请改正路径，或者不写它',
    en: '{source} is set to {given}, but no browser can be run there. Correct the path or leave it out.',
  },
  noBrowser: {
    zh: '没有找到 Chrome、Edge 或 Chromium：请安装一个（Debian 或 Ubuntu 上：apt-get install chromium），或用 --browser-path 或环境变量 CHROME_PATH 给出它的路径',
    en: 'no Chrome, Edge or Chromium was found. Install one (on Debian or Ubuntu: apt-get install chromium), or give its path with --browser-path or the CHROME_PATH environment variable.',
  },
  cannotOpen: { zh: '打不开“{shown}”（{detail}）', en: '{shown} cannot be opened ({detail})' },
  tooSlow: { zh: '“{shown}”在 {seconds} 秒内没有排好版', en: '{shown} did not finish laying out for print within {seconds} s' },
  layoutFailed: { zh: '“{shown}”排版失败（{detail}）', en: '{shown} failed to lay out for print ({detail})' },
  pageSaid: { zh: '页面报告：{seen}', en: 'the page reported: {seen}' },
});

/** What `pdf` and `manuscript` say as they go, a line a step, each Chinese from its first word. */
export const PRINT_PROGRESS = messages({
  reusing: { zh: '沿用已生成的幻灯片 {shown}，它正是由 {file} 生成的', en: 'Using {shown}, which was built from this very {file}' },
  buildingFirst: { zh: '还没有 {shown}，先生成幻灯片', en: 'No {shown} yet: building it first' },
  rebuilding: { zh: '已有的 {shown} 不是用这份讲话稿或这个版本生成的，重新生成', en: '{shown} was built from another speech or version: building it again' },
  opening: { zh: '正在用浏览器打开 {shown}（{browser}）', en: 'Opening {shown} in {browser}' },
  slidesLaidOut: { zh: '已排好 {count} 页幻灯片，一页一张', en: 'Laid out {count} slides, one to a page' },
  handoutLaidOut: { zh: '已排好讲义：每张幻灯片连同全部讲话', en: 'Laid out the handout: each slide with everything said with it' },
  wroteSlides: { zh: '已写出幻灯片 PDF {path}（{size}）', en: 'Wrote the slides to {path} ({size})' },
  wroteHandout: { zh: '已写出讲义 PDF {path}（{size}，A4）', en: 'Wrote the handout to {path} ({size}, A4)' },
  done: { zh: '完成，用时 {seconds} 秒：{paths}', en: 'Done in {seconds} s: {paths}' },
  manuscriptOf: { zh: '讲稿：{file}，{layout}，A4{cues}', en: 'Manuscript of {file}: {layout}, A4{cues}' },
  missingCharacters: {
    zh: '嵌入的{face}字体缺字 {list}（{file}），电脑上没有相应字体时会印成方框',
    en: '{file}: no embedded {face} face has {list}; without such a system font it prints as a box',
  },
  faces: {
    zh: '字体：有方正小标宋简体、仿宋、楷体、黑体时用它们，否则用嵌入的 Noto Serif SC Bold（小标宋）、Noto Serif SC（仿宋）、LXGW WenKai（楷体）、Noto Sans SC Medium（黑体）',
    en: 'the official faces where the computer has them, else the embedded open faces',
  },
  openingManuscript: { zh: '正在用浏览器打开讲稿（{browser}）', en: 'Opening the manuscript in {browser}' },
  oldBrowser: {
    zh: '注意：这个浏览器是 {major} 版，讲稿页码要 Chrome 或 Edge {needed} 以上，所以这份讲稿没有页码；可用 --browser-path 指定新版，或加 --docx 用 Word 打印',
    en: 'Note: this browser is version {major}; page numbers need Chrome or Edge {needed} or later. Give a newer one with --browser-path.',
  },
  wrote: { zh: '已写出 {path}（{size}）', en: 'Wrote {path} ({size})' },
  manuscriptDone: { zh: '完成，用时 {seconds} 秒', en: 'Done in {seconds} s' },
});
