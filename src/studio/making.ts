/**
 * Making the deck from each version of the Markdown: parsed at once (with the browser's word breaks and the
 * capacity check), then, when it has no errors, its fonts subset in the worker and the deck page and its preview
 * filled. Work for a version that a newer one overtook is dropped when it ends.
 */
import { capacityProblems } from '../core/capacity.ts';
import { addLineBreaks } from '../core/line-breaks.ts';
import type { Problem } from '../core/model.ts';
import { parse } from '../core/parse.ts';
import { deckSeconds, formatDurationZh } from '../core/timing.ts';
import { fontsMarker, shell, speechMarker, wholeTerms } from 'virtual:speech-deck/studio-data';
import { deckPage } from './deck-page.ts';
import type { FontMaker } from './fonts.ts';
import type { StudioState } from './state.ts';
import type { Status } from './status.ts';
import { wordBoundaries } from './words.ts';

export class Making {
  constructor(
    private readonly state: StudioState,
    private readonly status: Status,
    private readonly fonts: FontMaker,
  ) {}

  /** Resolves once decks can be made (the worker has HarfBuzz and the faces). */
  get ready(): Promise<void> {
    return this.fonts.ready;
  }

  /** Takes a new version of the Markdown: parsed and shown at once, then its fonts, page and preview. */
  async update(markdown: string): Promise<void> {
    const { state, status } = this;
    const deck = parse(markdown);
    addLineBreaks(deck, wordBoundaries, wholeTerms);
    const problems: Problem[] = [...(state.source?.problems ?? []), ...deck.problems, ...capacityProblems(deck)];
    // Marks for the benchmark (scripts/bench/studio.ts), after the loading's chosen and read.
    performance.mark('studio:parsed');
    const version = state.setSpeech(markdown, deck, problems);
    if (state.hasErrors()) {
      status.show('error', '讲话稿有错误（见左侧），改正后才能生成幻灯片。 · The speech has errors (listed on the left); fix them to make the deck.');
      return;
    }
    status.show('working', '正在生成幻灯片的字体…… · Making the fonts …', 0);
    try {
      const fonts = await this.fonts.forDeck(deck, (done, total) => {
        if (state.isCurrent(version)) status.show('working', `正在生成幻灯片的字体（${done}/${total}）…… · Making the fonts …`, done / total);
      });
      performance.mark('studio:fonts');
      const parts = { shell, fontsMarker, speechMarker };
      const [page, preview] = await Promise.all([deckPage(markdown, deck, fonts.css, parts), deckPage(markdown, deck, fonts.css, parts, { preview: true })]);
      if (!state.setMade(version, { page, preview, missing: fonts.missing })) return;
      performance.mark('studio:ready');
      status.show(
        'ready',
        `幻灯片已就绪：${deck.slides.length} 张，预计讲话约 ${formatDurationZh(deckSeconds(deck))}。可以保存。 · The deck is ready to save.`,
      );
    } catch (error) {
      state.setFailed(version);
      if (state.isCurrent(version)) status.show('error', `生成失败：${(error as Error).message} · The deck could not be made.`);
    }
  }
}
