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
  /** The page's title and theme, which live outside the slides: a change to them needs no reload. */
  title: string;
  theme: string;
  /** Faces made while the server ran for characters its first fonts lacked, every one so far, oldest first. */
  fonts: LiveFace[];
}

/** A face subset to characters added after the page's fonts were made; it comes with the slides that use them. */
export interface LiveFace {
  /** Its number among the faces made since the server started, so that a page adds each once. */
  id: number;
  /** Its @font-face rule, the font inlined. */
  css: string;
  family: string;
  weight: number;
  /** The characters it draws. */
  text: string;
}

export interface LiveStatus {
  /** The speech as the user knows it, e.g. `slides/speech.md`. */
  file: string;
  /** Its errors, one `file:line: error: message` each. */
  problems: string[];
  /** The file is not there (deleted, or mid-way through an editor's save). */
  missing: boolean;
}
