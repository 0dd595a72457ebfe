/**
 * Saving what the studio made: the deck page (.html), the .pptx and the Markdown as downloads, and the speaking
 * manuscript through the browser's print dialog. The Markdown can be saved as soon as it is read; the deck and
 * the .pptx once the deck is made; the manuscript when the speech has no errors.
 */
import { hasErrors } from '../core/model.ts';
import { MANUSCRIPT_FAMILIES, renderManuscript } from '../render/manuscript.ts';
import { manuscriptFaceText, manuscriptOf } from '../render/manuscript-text.ts';
import { renderPptx } from '../render/pptx.ts';
import { $, action } from './dom.ts';
import type { FontMaker } from './fonts.ts';
import { printPage } from './print.ts';
import { download, fileName } from './save.ts';
import type { Controller, StudioState } from './state.ts';
import type { Status } from './status.ts';

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export class Saving implements Controller {
  private readonly deck = action<HTMLButtonElement>('save-deck');
  private readonly pptx = action<HTMLButtonElement>('save-pptx');
  private readonly markdown = action<HTMLButtonElement>('save-markdown');
  private readonly print = action<HTMLButtonElement>('print-manuscript');

  constructor(
    private readonly state: StudioState,
    private readonly status: Status,
    private readonly fonts: FontMaker,
  ) {}

  bind(): void {
    $('#print-note').textContent =
      '“打印讲稿”按公文格式排出讲稿（A4，三号仿宋，每张幻灯片开始处标 ▶），用电脑自带的仿宋、楷体、黑体（没有时用工作台自带的字体代替）；在打印窗口选“另存为 PDF”即得 PDF。Chrome/Edge 131 以前的版本打印不出页码。 · Print manuscript lays out the speech as an official document; choose “Save as PDF” in the print dialog.';
    this.state.on('speech', () => {
      this.markdown.disabled = false;
      this.print.disabled = this.state.hasErrors();
      this.deck.disabled = this.pptx.disabled = true;
    });
    this.state.on('made', () => {
      this.deck.disabled = this.pptx.disabled = this.markdown.disabled = false;
    });
    this.deck.addEventListener('click', () => this.saveDeck());
    this.pptx.addEventListener('click', () => void this.savePptx());
    this.markdown.addEventListener('click', () => this.saveMarkdown());
    this.print.addEventListener('click', () => void this.printManuscript());
  }

  private saveDeck(): void {
    const { made, deck } = this.state;
    if (made && deck) download(fileName(deck.meta.title, 'html'), made.page, 'text/html;charset=utf-8');
  }

  private saveMarkdown(): void {
    const { deck, markdown } = this.state;
    if (deck) download(fileName(deck.meta.title, 'md'), markdown, 'text/markdown;charset=utf-8');
  }

  /** The .pptx `speech-deck pptx` writes; pictures it cannot carry are said so in the status line. */
  private async savePptx(): Promise<void> {
    const deck = this.state.deck;
    if (!deck || !this.state.made) return;
    this.pptx.disabled = true;
    try {
      const result = await renderPptx(deck);
      download(fileName(deck.meta.title, 'pptx'), result.bytes as Uint8Array<ArrayBuffer>, PPTX_TYPE);
      if (result.skipped.length)
        this.status.show(
          'ready',
          `已保存 PowerPoint；${result.skipped.length} 张图片不是 PNG、JPEG 或 GIF，只显示了说明文字。 · Saved; ${result.skipped.length} picture(s) shown as their description.`,
        );
    } catch (error) {
      this.status.show('error', `PowerPoint 文件生成失败：${(error as Error).message} · The .pptx could not be made.`);
    } finally {
      this.pptx.disabled = !this.state.made;
    }
  }

  /** The manuscript in the official faces (仿宋, 楷体, 黑体) from the PC, the carried faces standing in where it lacks them. */
  private async printManuscript(): Promise<void> {
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
