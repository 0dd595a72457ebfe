/**
 * The page's side of the speech worker (speech-worker.ts): reading a file, and making each version of the
 * Markdown into its deck and its proofreading findings, answered as promises.
 */
import type { Deck, Problem } from '../core/model.ts';
import type { Finding } from '../proofread/index.ts';
import { dictionary, wholeTerms } from 'virtual:speech-deck/studio-data';
import SpeechWorkerCode from './speech-worker.ts?worker&inline';
import type { FromSpeechWorker, ToSpeechWorker } from './protocol.ts';
import { SourceError } from './source-error.ts';
import type { Source } from './source.ts';

interface Waiting {
  read?: (source: Source) => void;
  parsed?: (made: { deck: Deck; problems: Problem[] }) => void;
  findings?: (findings: Finding[]) => void;
  progress?: (done: number, total: number) => void;
  fail: (error: Error) => void;
}

/** A version being made: its deck as soon as it is parsed, and its findings once proofread. */
export interface Making {
  parsed: Promise<{ deck: Deck; problems: Problem[] }>;
  findings: Promise<Finding[]>;
}

export class SpeechWorker {
  private readonly worker = new SpeechWorkerCode();
  private readonly waiting = new Map<number, Waiting>();
  private next = 1;
  /** Resolves once the worker has unpacked the dictionary. */
  readonly ready: Promise<void>;

  constructor() {
    let started!: () => void;
    let failed!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    this.worker.onmessage = ({ data }: MessageEvent<FromSpeechWorker>) => {
      if (data.type === 'ready') return started();
      if (data.type === 'error' && data.id === undefined) return failed(new Error(data.message));
      const waiting = this.waiting.get(data.id!);
      if (!waiting) return;
      if (data.type === 'progress') waiting.progress?.(data.done, data.total);
      else if (data.type === 'parsed') waiting.parsed?.(data);
      else {
        this.waiting.delete(data.id!);
        if (data.type === 'read') waiting.read?.(data.source);
        else if (data.type === 'findings') waiting.findings?.(data.findings);
        else if (data.type === 'error') waiting.fail(data.plain ? new SourceError(data.message) : new Error(data.message));
      }
    };
    this.worker.onerror = (event) => failed(new Error(event.message || 'the speech worker failed'));
    const data = document.getElementById(dictionary)?.textContent ?? '';
    this.post({ type: 'init', dictionary: data, wholeTerms });
  }

  private post(message: ToSpeechWorker): void {
    this.worker.postMessage(message);
  }

  /** Reads a file, or pasted text, into the speech's Markdown as the importer does. */
  read(what: File | string): Promise<Source> {
    const id = this.next++;
    return new Promise<Source>((resolve, reject) => {
      this.waiting.set(id, { read: resolve, fail: reject });
      this.post(typeof what === 'string' ? { type: 'paste', id, text: what } : { type: 'read', id, file: what });
    });
  }

  /** Parses a version of the Markdown and proofreads it; `progress` hears how many passages are proofread. */
  make(markdown: string, sourceProblems: Problem[], progress: (done: number, total: number) => void): Making {
    const id = this.next++;
    // A version overtaken by a newer one is never proofread to the end: its promise of findings is dropped.
    for (const [other, waiting] of this.waiting) if (waiting.findings) this.waiting.delete(other);
    let fail!: (error: Error) => void;
    const waiting: Waiting = { progress, fail: (error) => fail(error) };
    const parsed = new Promise<{ deck: Deck; problems: Problem[] }>((resolve, reject) => {
      waiting.parsed = resolve;
      fail = reject;
    });
    const findings = new Promise<Finding[]>((resolve, reject) => {
      waiting.findings = resolve;
      const failParsed = fail;
      fail = (error) => {
        failParsed(error);
        reject(error);
      };
    });
    // Unhandled once the version is overtaken: never an error of its own.
    findings.catch(() => undefined);
    this.waiting.set(id, waiting);
    this.post({ type: 'make', id, markdown, sourceProblems });
    return { parsed, findings };
  }
}
