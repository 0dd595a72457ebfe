/**
 * Loading a speech: a file chosen or dropped anywhere on the page, or text pasted, read (a Word or text file
 * through the importer) into the speech's Markdown, whose first version the making then turns into the deck.
 */
import { $, action } from './dom.ts';
import type { Making } from './making.ts';
import type { Source } from './source.ts';
import { SourceError } from './source-error.ts';
import type { Controller, StudioState } from './state.ts';
import type { Status } from './status.ts';

export class Loading implements Controller {
  private readonly start = $('#start');
  private readonly open = action<HTMLInputElement>('open');

  constructor(
    private readonly state: StudioState,
    private readonly status: Status,
    private readonly making: Making,
  ) {}

  bind(): void {
    const { status } = this;
    status.show('empty', '正在准备字体和校对词典…… · Getting the fonts and the dictionary ready …', 0);
    this.making.ready.then(
      () => {
        if (status.phase === 'empty')
          status.show(
            'empty',
            '请打开讲话稿：Word 文件（.docx、.doc、.wps）、文本文件（.txt），或粘贴文字。 · Open a speech to begin: a Word file (.docx, .doc, .wps), a text file (.txt), or pasted text.',
          );
      },
      (error: Error) => status.show('error', `字体无法准备：${error.message} · The fonts could not be prepared.`),
    );

    this.open.addEventListener('change', () => {
      const file = this.open.files?.[0];
      if (file) void this.load(() => this.making.read(file));
      this.open.value = '';
    });
    document.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.start.classList.add('over');
    });
    document.addEventListener('dragleave', () => this.start.classList.remove('over'));
    document.addEventListener('drop', (event) => {
      event.preventDefault();
      this.start.classList.remove('over');
      const file = event.dataTransfer?.files[0];
      if (file) void this.load(() => this.making.read(file));
    });
    action('paste').addEventListener('click', () => void this.load(() => this.making.read($<HTMLTextAreaElement>('#paste-text').value)));
    action('show-paste').addEventListener('click', () => {
      this.start.hidden = false;
      $('#paste-text').focus();
    });
  }

  /** Reads a speech with `read`, and makes the first version of its deck; a speech that cannot be read is said so. */
  async load(read: () => Promise<Source> | Source): Promise<void> {
    // Marks for the benchmark (scripts/bench/studio.ts): chosen → read, then the making's parsed → fonts → ready.
    performance.clearMarks();
    performance.mark('studio:chosen');
    this.status.show('working', '正在读取并分析讲话稿…… · Reading the speech …', null);
    let source: Source;
    try {
      source = await read();
    } catch (error) {
      this.status.show('error', error instanceof SourceError ? error.message : `无法读取：${(error as Error).message} · Could not read it.`);
      return;
    }
    performance.mark('studio:read');
    this.state.open(source);
    this.start.hidden = true;
    $('#work').hidden = false;
    await this.making.update(source.markdown);
  }
}
