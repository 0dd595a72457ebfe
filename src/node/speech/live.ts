/**
 * The speech as the Vite plugins see it. A build is handed the speech its command already read (each command reads
 * and parses it once); the dev server reads it again on every save but keeps showing the last good version while
 * the file has errors or is missing, and says what is wrong.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hasErrors } from '../../core/model.ts';
import type { LiveStatus } from '../../core/live.ts';
import { formatProblem } from '../errors.ts';
import { readSpeechBytes, speechFrom, type LoadedSpeech } from './load.ts';
import { displayPath } from '../files/paths.ts';

export interface SpeechSource {
  /** Absolute path of the speech file. */
  readonly path: string;
  /** The speech to show and build. */
  current(): LoadedSpeech;
}

/** A speech read once, for a build. */
export function fixedSpeech(loaded: LoadedSpeech): SpeechSource {
  return { path: loaded.path, current: () => loaded };
}

/** What a fresh read of the file brought. */
export type Reading = { kind: 'unchanged' } | { kind: 'good'; loaded: LoadedSpeech } | { kind: 'errors'; loaded: LoadedSpeech } | { kind: 'missing' };

/** A speech file being edited: the last good version, and the file's state now. */
export class LiveSpeech implements SpeechSource {
  readonly path: string;
  private good: LoadedSpeech;
  /** The bytes read last (good or not), to tell a real change from a second event for the same save. */
  private lastBytes: Buffer | undefined;
  private state: LiveStatus = { problems: [], missing: false, file: '' };
  private readonly listeners = new Set<(loaded: LoadedSpeech) => void>();

  /** Reads the speech; a missing file at the start is an error, later it is only a state. */
  constructor(path: string) {
    const bytes = Buffer.from(readSpeechBytes(path));
    const loaded = speechFrom(path, bytes);
    this.path = loaded.path;
    this.good = loaded;
    this.lastBytes = bytes;
    this.state = this.statusOf(loaded);
  }

  current(): LoadedSpeech {
    return this.good;
  }

  /** Calls `listener` with each good version read from now on, just after `read` returns it. */
  onUpdate(listener: (loaded: LoadedSpeech) => void): void {
    this.listeners.add(listener);
  }

  /** What the page should show over the deck now: the errors, or that the file is missing; nothing when all is well. */
  status(): LiveStatus {
    return this.state;
  }

  /**
   * Reads the file again. Only a good read replaces the deck; errors and a missing file keep the last good one.
   * With `force`, unchanged bytes are read as a change too: a picture the speech shows has changed.
   */
  read({ force = false }: { force?: boolean } = {}): Reading {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch {
      // Deleted, or between an editor's unlink and create: wait for it to come back.
      if (this.state.missing) return { kind: 'unchanged' };
      this.lastBytes = undefined;
      this.state = { problems: [], missing: true, file: displayPath(this.path) };
      return { kind: 'missing' };
    }
    if (!force && this.lastBytes?.equals(bytes)) return { kind: 'unchanged' };
    const loaded = speechFrom(this.path, bytes);
    this.lastBytes = bytes;
    this.state = this.statusOf(loaded);
    if (hasErrors(loaded.deck.problems)) return { kind: 'errors', loaded };
    this.good = loaded;
    // After the caller has sent the new slides: new font subsets can take seconds and must not hold them up.
    setImmediate(() => {
      for (const listener of this.listeners) listener(loaded);
    });
    return { kind: 'good', loaded };
  }

  /**
   * Reads the speech last read once more, for nothing: code that has run a few times is compiled, so a save just
   * after start is read as quickly as later ones (at start the reading code has run once, interpreted).
   */
  rehearse(): LoadedSpeech | undefined {
    return this.lastBytes && speechFrom(this.path, this.lastBytes);
  }

  /** Whether the file now holds something other than what was read last. */
  differsFromLastRead(): boolean {
    try {
      return !this.lastBytes?.equals(readFileSync(this.path));
    } catch {
      return !this.state.missing;
    }
  }

  /** The name to show in messages. */
  get name(): string {
    return basename(this.path);
  }

  private statusOf(loaded: LoadedSpeech): LiveStatus {
    const errors = loaded.deck.problems.filter((p) => p.severity === 'error');
    return { problems: errors.map((p) => formatProblem(loaded.file, p)), missing: false, file: loaded.file };
  }
}
