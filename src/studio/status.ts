/**
 * The status line: what the studio is doing, as the body's data-state (which the style sheet and the tests read),
 * a message and, for long work, a progress bar.
 */
import { $, showSaid } from './dom.ts';

export type Phase = 'empty' | 'working' | 'ready' | 'error';

export class Status {
  private readonly text = $('#status-text');
  private readonly bar = $<HTMLProgressElement>('#progress');

  /** The phase shown now ('' before the studio starts). */
  get phase(): string {
    return document.body.dataset.state ?? '';
  }

  /** Shows `text` in `phase`; a `progress` from 0 to 1 shows the bar, `null` a bar that only moves, none hides it. */
  show(phase: Phase, text: string, progress?: number | null): void {
    document.body.dataset.state = phase;
    showSaid(this.text, text);
    this.bar.hidden = progress === undefined;
    if (progress === null) this.bar.removeAttribute('value');
    else if (progress !== undefined) this.bar.value = progress;
  }
}
