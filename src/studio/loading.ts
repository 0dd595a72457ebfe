/**
 * Loading a speech: a file chosen or dropped anywhere on the page, or text pasted, read (a Word or text file
 * through the importer) into the speech's Markdown, whose first version the making then turns into the deck.
 */
import { say } from '../core/say.ts';
import { $, action } from './dom.ts';
import { STATUS } from './messages.ts';
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
    status.show('empty', say(STATUS.gettingReady), 0);
    this.making.ready.then(
      () => {
        if (status.phase === 'empty') status.show('empty', say(STATUS.openPrompt));
      },
      (error: Error) => status.show('error', say(STATUS.fontsFailed, { reason: error.message })),
    );

    this.open.addEventListener('change', () => {
      const file = this.open.files?.[0];
      if (file) void this.load(() => this.making.read(file), file.name);
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
      if (file) void this.load(() => this.making.read(file), file.name);
    });
    action('paste').addEventListener('click', () => void this.load(() => this.making.read($<HTMLTextAreaElement>('#paste-text').value), STATUS.pasted.zh));
    action('show-paste').addEventListener('click', () => {
      this.start.hidden = false;
      $('#paste-text').focus();
    });
  }

  /**
   * Reads a speech with `read`, and makes the first version of its deck. The speech open before is closed first,
   * so that nothing of it can be saved as if it were the new one; a speech that cannot be read is said so, and the
   * page is back at its start, with nothing to save.
   */
  async load(read: () => Promise<Source> | Source, name: string): Promise<void> {
    // Marks for the benchmark (scripts/bench/studio.ts): chosen → read, then the making's parsed → fonts → ready.
    performance.clearMarks();
    performance.mark('studio:chosen');
    const hadSpeech = !!this.state.deck;
    this.state.close();
    this.status.show('working', say(STATUS.reading, { name }), null);
    let source: Source;
    try {
      source = await read();
    } catch (error) {
      const reason = error instanceof SourceError ? error.message : say(STATUS.unreadable, { reason: (error as Error).message });
      this.start.hidden = false;
      $('#work').hidden = true;
      this.status.show('error', hadSpeech ? say(STATUS.closed, { reason }) : reason);
      return;
    }
    performance.mark('studio:read');
    this.state.open(source);
    this.start.hidden = true;
    $('#work').hidden = false;
    await this.making.update(source.markdown);
  }
}
