/**
 * What the dev server and the open deck say to each other over Vite's connection while the speech is edited.
 * Shared by both sides, so it holds only names and shapes: no Node, no DOM.
 */

/** Freshly rendered slides after a good save. */
export const UPDATE_EVENT = 'speech-deck:update';
/** What is wrong with the speech file now: its errors, or that it is missing; empty when all is well. */
export const STATUS_EVENT = 'speech-deck:status';
/** Sent by a page as it opens, so that the server tells it the status it missed. */
export const HELLO_EVENT = 'speech-deck:hello';

export interface LiveUpdate {
  slides: string;
}

export interface LiveStatus {
  /** The speech as the user knows it, e.g. `slides/speech.md`. */
  file: string;
  /** Its errors, one `file:line: error: message` each. */
  problems: string[];
  /** The file is not there (deleted, or mid-way through an editor's save). */
  missing: boolean;
}
