/**
 * Saving what the studio made: the deck page (.html), the .pptx and the Markdown as downloads, and the speaking
 * manuscript through the browser's print dialog. The Markdown can be saved as soon as it is read; the deck and
 * the .pptx once the deck is made; the manuscript when the speech has no errors.
 */
import { hasErrors } from '../core/model.ts';
import { MANUSCRIPT_FAMILIES, renderManuscript } from '../render/manuscript.ts';
import { manuscriptFaceText, manuscriptOf } from '../render/manuscript-text.ts';
import { renderPptx } from '../render/pptx.ts';
import { $, action, showSaid } from './dom.ts';
import type { FontMaker } from './fonts.ts';
import { printPage } from './print.ts';
import { download, fileName } from './save.ts';
import { type Message, say } from '../core/say.ts';
import { STATUS } from './messages.ts';
import type { Controller, Made, StudioState } from './state.ts';
import type { Status } from './status.ts';

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export class Saving implements Controller {
  private readonly deck = action<HTMLButtonElement>('save-deck');
  private readonly pptx = action<HTMLButtonElement>('save-pptx');
  private readonly markdown = action<HTMLButtonElement>('save-markdown');
  private readonly print = action<HTMLButtonElement>('print-manuscript');
  private readonly docx = action<HTMLButtonElement>('save-manuscript-docx');

  constructor(
    private readonly state: StudioState,
    private readonly status: Status,
    private readonly fonts: FontMaker,
  ) {}

  bind(): void {
    showSaid($('#print-note'), say(STATUS.printNote));
    // A save waits for the edit in progress (settled), so the buttons stay enabled while a version is being made:
    // a click that ends an edit (the field's change comes on the mouse-down) still saves, with the edit in it.
    const enable = () => {
      const speech = !!this.state.deck;
      const good = speech && !this.state.hasErrors();
      this.markdown.disabled = !speech;
      this.print.disabled = this.docx.disabled = this.deck.disabled = this.pptx.disabled = !good;
    };
    this.state.on('speech', enable);
    this.state.on('made', enable);
    this.state.on('closed', enable);
    this.deck.addEventListener('click', () => void this.saveDeck());
    this.pptx.addEventListener('click', () => void this.savePptx());
    this.markdown.addEventListener('click', () => void this.saveMarkdown());
    this.print.addEventListener('click', () => void this.printManuscript());
    this.docx.addEventListener('click', () => void this.saveManuscriptDocx());
  }

  /**
   * What is on screen, taken in: a field still being typed in is committed, and every edit is parsed and its page
   * made. Resolves with that page, or with nothing when it cannot be made (said in the status line).
   */
  private async onScreen(needsDeck = true): Promise<Made | undefined> {
    const active = document.activeElement;
    if (active instanceof HTMLInputElement && active.closest('#outline')) active.blur();
    if (!this.state.made) this.status.show('working', say(STATUS.waiting));
    const made = await this.state.settled();
    if (!made && needsDeck && this.state.deck && this.state.hasErrors()) this.status.show('error', say(STATUS.cannotSave));
    return made;
  }

  private saved(name: string): void {
    this.status.show('ready', say(STATUS.saved, { name }));
  }

  private async saveDeck(): Promise<void> {
    const made = await this.onScreen();
    const deck = this.state.deck;
    if (!made || !deck) return;
    const name = fileName(deck.meta.title, 'html');
    download(name, made.page, 'text/html;charset=utf-8');
    this.saved(name);
  }

  private async saveMarkdown(): Promise<void> {
    // The Markdown saves with errors too: it is how a speech with errors goes to whoever can mend it.
    await this.onScreen(false);
    const { deck, markdown } = this.state;
    if (!deck) return;
    const name = fileName(deck.meta.title, 'md');
    download(name, markdown, 'text/markdown;charset=utf-8');
    this.saved(name);
  }

  /** The .pptx `speech-deck pptx` writes; pictures it cannot carry are said so in the status line. */
  private async savePptx(): Promise<void> {
    if (!(await this.onScreen())) return;
    const deck = this.state.deck!;
    await this.busy(this.pptx, STATUS.pptxFailed, async () => {
      const result = await renderPptx(deck);
      const name = fileName(deck.meta.title, 'pptx');
      download(name, result.bytes as Uint8Array<ArrayBuffer>, PPTX_TYPE);
      if (result.skipped.length) this.status.show('ready', say(STATUS.savedPptx, { name, count: result.skipped.length }));
      else this.saved(name);
    });
  }

  /** Runs `work` with `button` disabled, saying `failed` with the reason if it throws. */
  private async busy(button: HTMLButtonElement, failed: Message, work: () => Promise<void>): Promise<void> {
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      this.status.show('error', say(failed, { reason: (error as Error).message }));
    } finally {
      button.disabled = !this.state.deck || this.state.hasErrors();
    }
  }

  /**
   * The manuscript as the Word file `speech-deck manuscript --docx` writes, with slide cues: Word and WPS print its
   * page numbers, which Chrome before 131 cannot print. The library is loaded when first asked for.
   */
  private async saveManuscriptDocx(): Promise<void> {
    await this.onScreen();
    const deck = this.state.deck;
    if (!deck || hasErrors(deck.problems)) return;
    await this.busy(this.docx, STATUS.docxFailed, async () => {
      const [{ Packer }, { manuscriptDocx }] = await Promise.all([import('docx'), import('../render/manuscript-docx.ts')]);
      const blob = await Packer.toBlob(manuscriptDocx(deck, { cues: true }));
      const name = fileName(`${deck.meta.title}-讲稿`, 'docx');
      download(name, blob, DOCX_TYPE);
      this.saved(name);
    });
  }

  /** The manuscript in the official faces (仿宋, 楷体, 黑体) from the PC, the carried faces standing in where it lacks them. */
  private async printManuscript(): Promise<void> {
    await this.onScreen();
    const deck = this.state.deck;
    if (!deck || hasErrors(deck.problems)) return;
    const text = manuscriptFaceText(manuscriptOf(deck), { cues: true });
    const fontCss = await this.fonts.forText([
      { role: 'heading', text: text.title, family: MANUSCRIPT_FAMILIES.title, weight: 400 },
      ...(['song', 'kai', 'hei'] as const).map((face) => ({ role: 'body' as const, text: text[face], family: MANUSCRIPT_FAMILIES[face], weight: 400 })),
    ]);
    printPage(renderManuscript(deck, { fontCss }));
  }
}
