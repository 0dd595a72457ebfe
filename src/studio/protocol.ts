/** The messages between the studio page and its font worker. */

/** One face the studio carries: a common-character subset of an embedded deck face, as base64 WOFF 1.0. */
export interface SourceFace {
  key: string;
  woff: string;
}

export type ToWorker =
  /** Sent once at start: HarfBuzz's subsetter (base64) and the faces, decoded in the worker so that the first subset does not wait for them. */
  | { type: 'init'; wasm: string; faces: SourceFace[] }
  /** Subset each face to its characters; the answer carries the same `id`. */
  | { type: 'subset'; id: number; requests: Array<{ key: string; characters: string }> };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; fonts: Array<{ key: string; woff: Uint8Array }> }
  | { type: 'error'; id?: number; message: string };
