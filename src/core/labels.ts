/** Fixed wording the deck shows besides the author's text; the fonts are subset to include it. */

/** Headings of the slides the convention makes without a heading of their own. */
export const SLIDE_LABELS = { opening: '开场', agenda: '目录', closing: '结语' } as const;
/** The heading of a second agenda slide, where the sections are too many for one. */
export const AGENDA_CONTINUED = '目录（续）';

/**
 * Everything the speaker view and the deck's menu write on screen. Each character not in the speech
 * costs its glyph in the embedded font (about 160 bytes), so the wording is short and reuses common words.
 */
export const SPEAKER_TEXT = {
  view: '演讲者视图',
  current: '当前',
  next: '下一张',
  last: '后面没有了',
  slide: '{n} / {total}',
  noNotes: '本张不讲话',
  elapsed: '用时',
  total: '总计',
  clock: '现在',
  planned: '计划',
  ahead: '提前',
  onTime: '准时',
  behind: '落后',
  restart: '重新计时',
  size: '字号',
  auto: '自动',
  prompter: '提词',
  prompterOn: '提词中',
  prompterPaused: '提词暂停',
  keys: '→ 下一页 · ← 上一页 · ↑ ↓ 滚动 · T 提词，空格 暂停 · + − 字号',
  page: '第 {n}/{total} 页',
  project: '放到投影仪',
  projectHow: '将幻灯片拖到投影仪上，按 F 全屏',
  oneScreen: '没有找到投影仪：按 Win+P 扩展',
  clickDeck: '点一下幻灯片就在投影仪上全屏',
  closed: '与幻灯片的联系断了，回到幻灯片按 S',
  blocked: '演讲者视图打不开',
  fullscreen: '全屏',
  find: '查找',
} as const;

/** Names only screen readers hear (aria-label): never drawn, so they need no glyphs in the fonts. */
export const SPEAKER_NAMES = {
  menu: '菜单',
  notes: '讲稿',
  smaller: '字号减小',
  larger: '字号增大',
} as const;

/** Put before a picture's description in the handout (图：全县生产总值增长图). */
export const PICTURE_LABEL = '图：';

/** Characters the deck itself draws: slide numbers, the timers and the clock. */
export const UI_CHARACTERS = '0123456789/:-. ·+−';

/** All the fixed text above, for subsetting the fonts. */
export function fixedText(): string {
  // `{n}` and the like are filled in with digits, never drawn themselves.
  return [...Object.values(SLIDE_LABELS), ...Object.values(SPEAKER_TEXT), PICTURE_LABEL, UI_CHARACTERS].join('').replace(/\{\w+\}/g, '');
}
