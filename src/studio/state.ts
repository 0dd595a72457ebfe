/**
 * What the studio holds, shared by its controllers: the speech as read, the current version of its Markdown and
 * the deck parsed from it, the page made for that version, and the slide being looked at. Controllers change it
 * through its methods and hear of changes through `on`, so that none needs to know which others listen.
 */
import { hasErrors, type Deck, type Problem } from '../core/model.ts';
import type { DeckFonts } from './fonts.ts';
import type { Finding } from '../proofread/index.ts';
import type { Source } from './source.ts';

/** The lifecycle every controller shares: made with what it talks to, then bound to the page and the state once. */
export interface Controller {
  bind(): void;
}

/** The deck page made for one version of the Markdown: the page to save, its preview, and characters no carried face draws. */
export interface Made {
  page: string;
  preview: string;
  missing: DeckFonts['missing'];
}

/**
 * The changes heard: `speech`, a new version of the Markdown was read (markdown, deck and problems are its, and
 * nothing is made yet); `made`, its page is made; `failed`, its page could not be made; `slide`, another slide
 * was chosen; `closed`, the speech was put away (another is being read, or one could not be read); `findings`, the
 * proofreading of the newest text went on (`proofread` tells how far) or ended (`findings` holds what it found).
 */
export type Change = 'speech' | 'made' | 'slide' | 'closed' | 'failed' | 'findings';

export class StudioState {
  /** The speech as read from its file or the pasted text. */
  source: Source | undefined;
  markdown = '';
  deck: Deck | undefined;
  /** The source's problems, the parser's and the capacity check's, for the current version. */
  problems: Problem[] = [];
  made: Made | undefined;
  /** What proofreading found in the current version; undefined while it is still being proofread. */
  findings: Finding[] | undefined;
  /** How much of the newest text is proofread, from 0 to 1. */
  proofread = 0;
  /** Counts versions of the Markdown, so that work done for an older one is dropped when it ends. */
  version = 0;
  /** The slide being looked at, by its index in `deck.slides`. */
  current = 0;
  /** Whether making the current version's page failed. */
  failed = false;
  private readonly listeners = new Map<Change, Array<() => void>>();
  /** Edits taken but perhaps not yet parsed and made, which a save waits for. */
  private pending = new Set<Promise<unknown>>();

  /** Calls `listener` after each change of the kind named, in the order listeners were added. */
  on(change: Change, listener: () => void): void {
    this.listeners.set(change, [...(this.listeners.get(change) ?? []), listener]);
  }

  /** Stops calling `listener` after changes of the kind named. */
  off(change: Change, listener: () => void): void {
    this.listeners.set(
      change,
      (this.listeners.get(change) ?? []).filter((l) => l !== listener),
    );
  }

  private emit(change: Change): void {
    for (const listener of this.listeners.get(change) ?? []) listener();
  }

  /** A newly read speech, to be looked at from its first slide. */
  open(source: Source): void {
    this.source = source;
    this.current = 0;
  }

  /**
   * Puts the speech away: nothing is open, nothing can be saved. Work for it that is still running is dropped
   * when it ends.
   */
  close(): void {
    this.source = undefined;
    this.markdown = '';
    this.deck = undefined;
    this.problems = [];
    this.made = undefined;
    this.failed = false;
    this.findings = undefined;
    this.proofread = 0;
    this.current = 0;
    this.version++;
    this.emit('closed');
  }

  /** Takes a new version of the Markdown with the deck and problems found in it; returns the version's number. */
  setSpeech(markdown: string, deck: Deck, problems: Problem[]): number {
    this.markdown = markdown;
    this.deck = deck;
    this.problems = problems;
    this.made = undefined;
    this.failed = false;
    this.version++;
    this.emit('speech');
    return this.version;
  }

  /** Says that the page for `version` could not be made (the making said why). */
  setFailed(version: number): void {
    if (!this.isCurrent(version)) return;
    this.failed = true;
    this.emit('failed');
  }

  /** Keeps `work` (an edit being parsed and made) until it ends, for `settled`. */
  track(work: Promise<unknown>): void {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
  }

  /**
   * Resolves once every edit taken so far is parsed, and the current version's page is made: with that page,
   * or with nothing when the speech has errors, its page could not be made, or no speech is open.
   */
  async settled(): Promise<Made | undefined> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
    for (;;) {
      if (this.made) return this.made;
      if (!this.deck || this.hasErrors() || this.failed) return undefined;
      await new Promise<void>((resolve) => {
        const once = () => {
          for (const change of ['made', 'failed', 'speech', 'closed'] as const) this.off(change, once);
          resolve();
        };
        for (const change of ['made', 'failed', 'speech', 'closed'] as const) this.on(change, once);
      });
    }
  }

  /** The newest text is being proofread, `share` of it done. */
  proofreading(share = 0): void {
    this.findings = undefined;
    this.proofread = share;
    this.emit('findings');
  }

  /** Takes the findings for `version`, unless a newer version came meanwhile; says whether they were taken. */
  setFindings(version: number, findings: Finding[]): boolean {
    if (!this.isCurrent(version)) return false;
    this.findings = findings;
    this.proofread = 1;
    this.emit('findings');
    return true;
  }

  /** Whether the current version has errors, which keep its deck from being made. */
  hasErrors(): boolean {
    return hasErrors(this.problems);
  }

  /** Whether `version` is still the current version (work for an older one is dropped). */
  isCurrent(version: number): boolean {
    return version === this.version;
  }

  /** Takes the page made for `version`, unless a newer version came meanwhile; says whether it was taken. */
  setMade(version: number, made: Made): boolean {
    if (!this.isCurrent(version)) return false;
    this.made = made;
    this.emit('made');
    return true;
  }

  /** Looks at slide `index` of the deck. */
  select(index: number): void {
    if (index === this.current || !this.deck) return;
    this.current = index;
    this.emit('slide');
  }
}
