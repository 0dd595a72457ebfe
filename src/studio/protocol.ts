import type { Deck, Problem } from '../core/model.ts';
import type { Finding } from '../proofread/index.ts';
import type { Source } from './source.ts';

/** The messages between the studio page and its workers: the font worker and the speech worker. */

/** One face the studio carries: a common-character subset of an embedded deck face, as base64 WOFF2. */
export interface SourceFace {
  key: string;
  woff: string;
}

export type ToWorker =
  /**
   * Sent once at start: HarfBuzz's subsetter and Brotli (base64 gzip) and the faces, decoded in the worker so that
   * the first subset does not wait for them.
   */
  | { type: 'init'; wasm: string; brotli: string; faces: SourceFace[] }
  /** Subset each face to its characters, compressed at Brotli quality 9 (font-worker.ts); the answer carries the same `id`. */
  | { type: 'subset'; id: number; requests: Array<{ key: string; characters: string }> };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; fonts: Array<{ key: string; woff: Uint8Array }> }
  | { type: 'error'; id?: number; message: string };

/** The messages between the studio page and its speech worker, which reads, parses and proofreads off the page's thread. */
export type ToSpeechWorker =
  /** Sent once at start: the proofreader's dictionary (base64 gzip) and the terms a heading never wraps inside. */
  | { type: 'init'; dictionary: string; wholeTerms: string[] }
  /** A chosen or dropped file, or pasted text, to read into the speech's Markdown. */
  | { type: 'read'; id: number; file: File }
  | { type: 'paste'; id: number; text: string }
  /** A version of the Markdown to parse (answered at once) and then proofread (a passage at a time). */
  | { type: 'make'; id: number; markdown: string; sourceProblems: Problem[] };

export type FromSpeechWorker =
  | { type: 'ready' }
  | { type: 'read'; id: number; source: Source }
  | { type: 'parsed'; id: number; deck: Deck; problems: Problem[] }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'findings'; id: number; findings: Finding[] }
  /** `plain` errors are messages for the person (a file that cannot be read); others are faults. */
  | { type: 'error'; id?: number; message: string; plain?: boolean };
