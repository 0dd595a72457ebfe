/**
 * The live preview: the deck exactly as it will be saved, running in a sandboxed frame (scripts allowed, but an
 * opaque origin: it cannot reach the studio, and the studio's and the deck's policies both apply to it).
 * The studio shows a slide by reveal.js's postMessage API.
 */
import type { Deck } from '../core/model.ts';
import { $ } from './dom.ts';
import type { Controller, StudioState } from './state.ts';

/** reveal's indices of each slide of `deck.slides`: a section's opener and points stack as one column. */
export function slideIndices(deck: Deck): Array<{ h: number; v: number }> {
  let h = -1;
  let v = 0;
  let column: number | undefined;
  return deck.slides.map((slide) => {
    if (slide.section === undefined || slide.section !== column) {
      h++;
      v = 0;
    } else v++;
    column = slide.section;
    return { h, v };
  });
}

/** The preview pane: each version's deck once made, on the slide being looked at. */
export class Preview implements Controller {
  private readonly frame = $<HTMLIFrameElement>('#preview');
  private target = { h: 0, v: 0 };
  private timers: number[] = [];

  constructor(private readonly state: StudioState) {}

  bind(): void {
    this.frame.addEventListener('load', () => this.settle());
    this.state.on('made', () => {
      this.frame.srcdoc = this.state.made!.preview;
      this.goToCurrent();
    });
    this.state.on('slide', () => this.goToCurrent());
    this.state.on('closed', () => {
      this.frame.srcdoc = '';
    });
  }

  /** Shows the slide being looked at; repeated while the deck starts up, since reveal listens only once it has started. */
  private goToCurrent(): void {
    this.target = slideIndices(this.state.deck!)[this.state.current] ?? { h: 0, v: 0 };
    this.post();
  }

  private settle(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [150, 400, 800, 1500, 3000].map((ms) => window.setTimeout(() => this.post(), ms));
  }

  private post(): void {
    this.frame.contentWindow?.postMessage(JSON.stringify({ method: 'slide', args: [this.target.h, this.target.v] }), '*');
  }
}
