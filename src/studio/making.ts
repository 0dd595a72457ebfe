/**
 * Making the deck from each version of the Markdown: parsed in the speech worker (with the CLI's word breaks and
 * the capacity check) and shown, then, when it has no errors, its fonts subset in the font worker and the deck
 * page and its preview filled; meanwhile the speech worker proofreads it, a passage at a time. Work for a version
 * that a newer one overtook is dropped when it ends.
 */
import type { Deck } from '../core/model.ts';
import { deckSeconds, formatDurationZh } from '../core/timing.ts';
import { fontsMarker, shell, speechMarker } from 'virtual:speech-deck/studio-data';
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
    status.show('working', '正在分析讲话稿的结构…… · Reading the structure …', null);
    state.proofreading();
    const making = this.speech.make(markdown, state.source?.problems ?? [], (done, total) => {
      if (asked === this.asked) state.proofreading(done / total);
    });
    let parsed: Awaited<typeof making.parsed>;
    try {
      parsed = await making.parsed;
    } catch (error) {
      if (asked === this.asked) status.show('error', `生成失败：${(error as Error).message} · The deck could not be made.`);
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
      void this.smallest(version, markdown, deck);
    } catch (error) {
      if (state.isCurrent(version)) status.show('error', `生成失败：${(error as Error).message} · The deck could not be made.`);
    }
  }

  /**
   * The deck to save with its fonts compressed as small as Brotli can (a few per cent smaller, and seconds of work
   * in the font worker), in place of the one made quickly, unless a newer version came meanwhile. The preview keeps
   * the quick fonts: the faces are the same.
   */
  private async smallest(version: number, markdown: string, deck: Deck): Promise<void> {
    try {
      const fonts = await this.fonts.forDeck(deck, () => undefined, true);
      const page = await deckPage(markdown, deck, fonts.css, { shell, fontsMarker, speechMarker });
      const { made } = this.state;
      if (this.state.isCurrent(version) && made) this.state.made = { ...made, page };
      performance.mark('studio:smallest');
    } catch {
      // The quick fonts stay; they are as good, only larger.
    }
  }
}
