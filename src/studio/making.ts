/**
 * Making the deck from each version of the Markdown: parsed at once (with the browser's word breaks and the
 * capacity check), then, when it has no errors, its fonts subset in the worker and the deck page and its preview
 * filled. Work for a version that a newer one overtook is dropped when it ends.
 */
import { capacityProblems } from '../core/capacity.ts';
import { addLineBreaks } from '../core/line-breaks.ts';
import type { Problem } from '../core/model.ts';
import { parse } from '../core/parse.ts';
import { deckSeconds, formatDuration, formatDurationZh } from '../core/timing.ts';
import { say } from '../core/say.ts';
import { STATUS } from './messages.ts';
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
      status.show('error', say(STATUS.hasErrors));
      return;
    }
    status.show('working', say(STATUS.makingFonts), 0);
    try {
      const fonts = await this.fonts.forDeck(deck, (done, total) => {
        if (state.isCurrent(version)) status.show('working', say(STATUS.makingFontsCount, { done, total }), done / total);
      });
      performance.mark('studio:fonts');
      const parts = { shell, fontsMarker, speechMarker };
      const [page, preview] = await Promise.all([deckPage(markdown, deck, fonts.css, parts), deckPage(markdown, deck, fonts.css, parts, { preview: true })]);
      if (!state.setMade(version, { page, preview, missing: fonts.missing })) return;
      performance.mark('studio:ready');
      const seconds = deckSeconds(deck);
      status.show('ready', say(STATUS.ready, { slides: deck.slides.length, minutes: { zh: formatDurationZh(seconds), en: formatDuration(seconds) } }));
    } catch (error) {
      state.setFailed(version);
      if (state.isCurrent(version)) status.show('error', say(STATUS.makeFailed, { reason: (error as Error).message }));
    }
  }
}
