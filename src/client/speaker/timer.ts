import { SPEAKER_TEXT as T } from '../../core/labels.ts';
import { formatClock, formatSpan, pace as paceAt } from '../../core/pace.ts';
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
export function timePanel(doc: Document, source: TimeSource): { element: HTMLElement; render(): void } {
  const [elapsed, pace, total, clock] = ['sv-elapsed-value', 'sv-pace', 'sv-total', 'sv-clock'].map((name) => el(doc, 'span', { class: name })) as [
    HTMLElement,
    HTMLElement,
    HTMLElement,
    HTMLElement,
  ];
  pace.setAttribute('role', 'status');
  const render = () => {
    const time = source.now();
    const used = Math.max(0, (time - source.startedAt()) / 1000);
    const timings = source.timings();
    const p = paceAt(timings, source.current(), used);
    const where = p.state === 'ahead' ? `${T.ahead} ${formatSpan(p.by)}` : p.state === 'behind' ? `${T.behind} ${formatSpan(p.by)}` : T.onTime;
    setWords(elapsed, formatSpan(used));
    setWords(pace, `${T.planned} ${formatSpan(p.plannedEnd)} · ${where}`);
    pace.dataset.state = p.late ? 'late' : p.state;
    setWords(total, `${T.total} ${formatSpan(timings.reduce((sum, t) => sum + t, 0))}`);
    setWords(clock, `${T.clock} ${formatClock(new Date(time))}`);
  };
  const restart = button(doc, { class: 'sv-restart' }, T.restart, () => {
    source.restart();
    render();
  });
  const element = el(
    doc,
    'section',
    { class: 'sv-time', 'aria-label': T.elapsed },
    el(doc, 'div', { class: 'sv-elapsed' }, el(doc, 'span', { class: 'sv-label' }, T.elapsed), elapsed, pace),
    el(doc, 'div', { class: 'sv-facts' }, total, clock, restart),
  );
  return { element, render };
}
