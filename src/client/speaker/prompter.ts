/** Where on the text panel the line being read sits: a third of the way down, as on a teleprompter. */
const READING_LINE = 1 / 3;

/** Teleprompter mode of the speaker view's text panel. */
export interface Prompter {
  /** Whether the mode is on, and whether it is paused. */
  state(): { on: boolean; paused: boolean };
  /** The speaking rate for the text shown: its height in px over its planned seconds. */
  setRate(textHeight: number, seconds: number): void;
  /** `T`: on from where the text stands, or off. */
  toggle(): void;
  /** Space, in teleprompter mode: stops and starts the scrolling where it is. */
  togglePause(): void;
  /** A new slide's text: reading starts again at its top. */
  restart(): void;
  /** The speaker scrolled by hand (keys, wheel): carry on from there. */
  scrolledTo(scrollTop: number): void;
  stop(): void;
}

/**
 * Teleprompter mode (`T`): scrolls the spoken text at the speaking rate, Space pauses it. The rate is
 * the slide's own: its text's laid-out height over its planned seconds (data-timing, which the build
 * computes from the speech's characters a minute), so the line being read reaches the reading line
 * as the plan has it spoken. Positions follow a clock (`now`), not frames, so a slow frame loses nothing;
 * frames run in the speaker view's own window, which is the one on screen.
 */
export function prompter(box: HTMLElement, now: () => number): Prompter {
  const view = box.ownerDocument.defaultView!;
  let on = false;
  let paused = false;
  /** Reading position in px from the top of the text, at `anchorTime`. */
  let anchorPos = 0;
  let anchorTime = 0;
  let speed = 0;
  let frame = 0;
  const running = () => on && !paused;
  const position = () => (running() ? anchorPos + (speed * (now() - anchorTime)) / 1000 : anchorPos);
  const readingLine = () => box.clientHeight * READING_LINE;
  const reanchor = (at: number) => {
    anchorPos = Math.max(0, at);
    anchorTime = now();
  };
  const run = () => {
    view.cancelAnimationFrame(frame);
    const step = () => {
      const target = Math.max(0, position() - readingLine());
      if (Math.abs(box.scrollTop - target) >= 0.5) box.scrollTop = target;
      if (running()) frame = view.requestAnimationFrame(step);
    };
    if (running()) step();
  };
  return {
    state: () => ({ on, paused }),
    setRate(textHeight, seconds) {
      reanchor(position());
      speed = seconds > 0 ? textHeight / seconds : 0;
    },
    toggle() {
      on = !on;
      paused = false;
      reanchor(box.scrollTop > 0 ? box.scrollTop + readingLine() : 0);
      run();
    },
    togglePause() {
      reanchor(position());
      paused = !paused;
      run();
    },
    restart() {
      reanchor(0);
      run();
    },
    scrolledTo: (scrollTop) => reanchor(scrollTop + readingLine()),
    stop() {
      on = false;
      view.cancelAnimationFrame(frame);
    },
  };
}
