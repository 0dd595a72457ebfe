/**
 * Making the deck from each version of the Markdown: parsed in the speech worker (with the CLI's word breaks and
 * the capacity check) and shown, then, when it has no errors, its fonts subset in the font worker and the deck
 * page and its preview filled; meanwhile the speech worker proofreads it, a passage at a time. Work for a version
 * that a newer one overtook is dropped when it ends.
 */
import { say } from '../core/say.ts';
import { deckSeconds, formatDuration, formatDurationZh } from '../core/timing.ts';
import { fontsMarker, shell, speechMarker } from 'virtual:speech-deck/studio-data';
import { STATUS } from './messages.ts';
import { deckPage } from './deck-page.ts';
import type { FontMaker } from './fonts.ts';
import type { Source } from './source.ts';
import { SpeechWorker } from './speech.ts';
import type { StudioState } from './state.ts';
import type { Status } from './status.ts';

export class Making {
  private readonly speech = new SpeechWorker();
  /** Counts the versions asked for, so that the answer for one a newer overtook is dropped. */
  private asked = 0;

  constructor(
    private readonly state: StudioState,
    private readonly status: Status,
    private readonly fonts: FontMaker,
  ) {}

  /** Resolves once decks can be made (the font worker has HarfBuzz and the faces, the speech worker its dictionary). */
  get ready(): Promise<void> {
    return Promise.all([this.fonts.ready, this.speech.ready]).then(() => undefined);
  }

  /** Reads a chosen or dropped file, or pasted text, into the speech's Markdown, in the speech worker. */
  read(what: File | string): Promise<Source> {
    return this.speech.read(what);
  }

  /** Takes a new version of the Markdown: parsed and shown, then its fonts, page and preview, and its findings. */
  async update(markdown: string): Promise<void> {
    const { state, status } = this;
    const asked = ++this.asked;
    // The newest text at once, so that an edit made before this version is parsed builds on it, and the page says
    // at once that it is working on it (the deck of the version before is no longer the one to save).
    state.markdown = markdown;
    status.show('working', say(STATUS.structure), null);
    state.proofreading();
    const making = this.speech.make(markdown, state.source?.problems ?? [], (done, total) => {
      if (asked === this.asked) state.proofreading(done / total);
    });
    let parsed: Awaited<typeof making.parsed>;
    try {
      parsed = await making.parsed;
    } catch (error) {
      if (asked === this.asked) status.show('error', say(STATUS.makeFailed, { reason: (error as Error).message }));
      return;
    }
    if (asked !== this.asked) return;
    const { deck, problems } = parsed;
    // Marks for the benchmark (scripts/bench/studio.ts), after the loading's chosen and read.
    performance.mark('studio:parsed');
    const version = state.setSpeech(markdown, deck, problems);
    making.findings.then(
      (findings) => {
        if (state.setFindings(version, findings)) performance.mark('studio:proofread');
      },
      () => undefined,
    );
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
