import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../files/paths.ts';
import { capacityProblems } from '../../core/capacity.ts';
import { decode } from '../../core/decode.ts';
import { say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { SPEECH } from '../messages.ts';
import { pictureProblems } from './images.ts';
import type { Deck } from '../../core/model.ts';
import { parse } from '../../core/parse.ts';
import { readMarkdown, type ReadMarkdown } from '../../core/read.ts';
import { addLineBreaks, RememberedWords } from './words.ts';

export interface LoadedSpeech {
  /** The absolute path it was read from. */
  path: string;
  /** The path as the user should see it in messages. */
  file: string;
  /** The decoded text, for checks that read the source itself. */
  text: string;
  /** Its Markdown as read for the deck, for the proofreader to reuse rather than read again. */
  markdown: ReadMarkdown;
  deck: Deck;
  /** The word boundaries of its headings and key phrases, to keep for the next command (`keep()`); see words.ts. */
  words?: RememberedWords;
}

/** How many times a speech has been decoded and parsed in this process: each command should need one. */
export const loads = { count: 0 };

/**
 * Reads, decodes and parses a speech file, finds where its headings and key phrases may wrap (between
 * words), and checks its pictures and what fits on each slide; those problems are merged into the deck's.
 * The pictures are embedded separately (`embedPictures`), as that takes time.
 */
export function loadSpeech(path: string): LoadedSpeech {
  return speechFrom(path, readSpeechBytes(path), { remember: true });
}

/** The speech file's bytes, or a plain message when it cannot be read. */
export function readSpeechBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CLIError(say(SPEECH.noSuchFile, { path }));
    if (code === 'EISDIR') throw new CLIError(say(SPEECH.isFolder, { path }));
    throw new CLIError(say(SPEECH.cannotRead, { path, code: code ?? String(error) }));
  }
}

/**
 * Decodes and parses a speech already read from `path`. With `remember`, the word boundaries an earlier command
 * found for the same text are reused (a command that runs once; the dev server keeps jieba loaded instead).
 */
export function speechFrom(path: string, bytes: Uint8Array, options: { remember?: boolean } = {}): LoadedSpeech {
  loads.count++;
  const decoded = decode(bytes);
  const markdown = readMarkdown(decoded.text);
  const deck = parse(markdown);
  const words = options.remember ? RememberedWords.read(decoded.text) : undefined;
  addLineBreaks(deck, words);
  deck.problems = [...decoded.problems, ...deck.problems, ...pictureProblems(deck, path), ...capacityProblems(deck)].sort((a, b) => a.line - b.line);
  return { path: resolve(path), file: displayPath(path), text: decoded.text, markdown, deck, ...(words ? { words } : {}) };
}
