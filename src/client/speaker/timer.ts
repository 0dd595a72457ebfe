import { SPEAKER_TEXT as T } from '../../core/labels.ts';
import { formatClock, formatSpan, pace } from '../../core/pace.ts';
import { button, el, setWords } from './dom.ts';

/** What the time panel needs to know of the deck at each tick. */
export interface TimeSource {
  /** Milliseconds since the epoch: the deck window's clock, which tests can fake. */
  now(): number;
  /** When the speech started, on the same clock. */
  startedAt(): number;
  restart(): void;
  /** Each slide's planned seconds, in speech order. */
  timings(): number[];
  /** The index of the slide shown. */
  current(): number;
}

/**
 * The speaker view's clocks: time used since the start (with a restart), the plan for the whole speech,
 * where the speaker stands against the plan at this slide (计划 8:40 · 落后 0:25, coloured: green on time,
 * blue ahead, amber behind, red a minute or more behind) and the time of day on the 24-hour clock.
 */
export class TimePanel {
  readonly element: HTMLElement;
  private readonly elapsed: HTMLElement;
  private readonly pace: HTMLElement;
  private readonly total: HTMLElement;
  private readonly clock: HTMLElement;

  constructor(
    doc: Document,
    private readonly source: TimeSource,
  ) {
    this.elapsed = el(doc, 'span', { class: 'sv-elapsed-value' });
    this.pace = el(doc, 'span', { class: 'sv-pace', role: 'status' });
    this.total = el(doc, 'span', { class: 'sv-total' });
    this.clock = el(doc, 'span', { class: 'sv-clock' });
    this.element = el(
      doc,
      'section',
      { class: 'sv-time', 'aria-label': T.elapsed },
      el(doc, 'div', { class: 'sv-elapsed' }, el(doc, 'span', { class: 'sv-label' }, T.elapsed), this.elapsed, this.pace),
      el(
        doc,
        'div',
        { class: 'sv-facts' },
        this.total,
        this.clock,
        button(doc, { class: 'sv-restart' }, T.restart, () => {
          source.restart();
          this.render();
        }),
      ),
    );
  }

  render(): void {
    const now = this.source.now();
    const elapsed = Math.max(0, (now - this.source.startedAt()) / 1000);
    const timings = this.source.timings();
    const p = pace(timings, this.source.current(), elapsed);
    const where = p.state === 'ahead' ? `${T.ahead} ${formatSpan(p.by)}` : p.state === 'behind' ? `${T.behind} ${formatSpan(p.by)}` : T.onTime;
    setWords(this.elapsed, formatSpan(elapsed));
    setWords(this.pace, `${T.planned} ${formatSpan(p.plannedEnd)} · ${where}`);
    this.pace.dataset.state = p.late ? 'late' : p.state;
    setWords(this.total, `${T.total} ${formatSpan(timings.reduce((sum, t) => sum + t, 0))}`);
    setWords(this.clock, `${T.clock} ${formatClock(new Date(now))}`);
  }
}
