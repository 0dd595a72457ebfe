/** Fixed wording the deck shows besides the author's text; the fonts are subset to include it. */

/** Headings of the slides the convention makes without a heading of their own. */
export const SLIDE_LABELS = { opening: '开场', agenda: '目录', closing: '结语' } as const;

/** The speaker view's English labels, as reveal.js writes them, and what the deck shows instead. */
export const SPEAKER_VIEW_LABELS: ReadonlyArray<readonly [selector: string, text: string]> = [
  ['#upcoming-slide .label', '下一张'],
  ['.speaker-controls-time > .label', '用时'],
  ['.speaker-controls-time .reset-button', '点击重新计时'],
  ['.speaker-controls-time .pacing-title', '本张剩余时间'],
  ['.speaker-controls-notes .label', '讲稿'],
  ['#connection-status', '正在打开演讲者视图……'],
];

/** The speaker view's layout names, as reveal.js writes them, and what the deck shows instead. */
export const SPEAKER_LAYOUTS: Readonly<Record<string, string>> = {
  Layout: '布局',
  Default: '默认',
  Wide: '宽屏',
  Tall: '纵向',
  'Notes only': '仅讲稿',
};

/** Put before a picture's description in the handout (图：全县生产总值增长图). */
export const PICTURE_LABEL = '图：';

/** Characters the deck itself draws: slide numbers, the timer and the (24-hour) clock. */
export const UI_CHARACTERS = '0123456789/:-. ';

/** All the fixed text above, for subsetting the fonts. */
export function fixedText(): string {
  return [...Object.values(SLIDE_LABELS), ...SPEAKER_VIEW_LABELS.map(([, text]) => text), ...Object.values(SPEAKER_LAYOUTS), PICTURE_LABEL, UI_CHARACTERS].join('');
}
