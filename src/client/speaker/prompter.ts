/** Where on the text panel the line being read sits: a third of the way down, as on a teleprompter. */
const READING_LINE = 1 / 3;

/**
 * Teleprompter mode (`T`): scrolls the spoken text at the speaking rate, Space pauses it. The rate is
 * the slide's own: its text's laid-out height over its planned seconds (data-timing, which the build
 * computes from the speech's characters a minute), so the line being read reaches the reading line
 * as the plan has it spoken. Positions follow a clock (`now`), not frames, so a slow frame loses nothing.
 */
export class Prompter {
  on = false;
  paused = false;
  /** Reading position in px from the top of the text, at `anchorTime`. */
  private anchorPos = 0;
  private anchorTime = 0;
  private speed = 0;
  private frame = 0;

  constructor(
    private readonly box: HTMLElement,
    private readonly now: () => number,
  ) {}

  /** The speaking rate for the text shown: its height in px over its planned seconds. */
  setRate(textHeight: number, seconds: number): void {
    this.reanchor(this.position());
    this.speed = seconds > 0 ? textHeight / seconds : 0;
  }

  /** `T`: on from where the text stands, or off. */
  toggle(): void {
    this.on = !this.on;
    this.paused = false;
    this.reanchor(this.box.scrollTop > 0 ? this.box.scrollTop + this.readingLine() : 0);
    this.run();
  }

  /** Space, in teleprompter mode: stops and starts the scrolling where it is. */
  togglePause(): void {
    this.reanchor(this.position());
    this.paused = !this.paused;
    this.run();
  }

  /** A new slide's text: reading starts again at its top. */
  restart(): void {
    this.reanchor(0);
    this.run();
  }

  /** The speaker scrolled by hand (keys, wheel): carry on from there. */
  scrolledTo(scrollTop: number): void {
    this.reanchor(scrollTop + this.readingLine());
  }

  stop(): void {
    this.on = false;
    this.box.ownerDocument.defaultView?.cancelAnimationFrame(this.frame);
  }

  private running(): boolean {
    return this.on && !this.paused;
  }

  private position(): number {
    return this.running() ? this.anchorPos + (this.speed * (this.now() - this.anchorTime)) / 1000 : this.anchorPos;
  }

  private reanchor(position: number): void {
    this.anchorPos = Math.max(0, position);
    this.anchorTime = this.now();
  }

  private readingLine(): number {
    return this.box.clientHeight * READING_LINE;
  }

  /** Frames run in the speaker view's own window, which is the one on screen. */
  private run(): void {
    const view = this.box.ownerDocument.defaultView;
    if (!view) return;
    view.cancelAnimationFrame(this.frame);
    if (!this.running()) return;
    const step = () => {
      const target = Math.max(0, this.position() - this.readingLine());
      if (Math.abs(this.box.scrollTop - target) >= 0.5) this.box.scrollTop = target;
      if (this.running()) this.frame = view.requestAnimationFrame(step);
    };
    step();
  }
}
