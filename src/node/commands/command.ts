/**
 * What every command declares: its name, what it does, its argument and its options, each said in Chinese and
 * English, and its run. The CLI's table is the list of these; `--help` is written from it. A command file loads
 * what it needs when it runs (`await import`), so that reading the table costs nothing.
 */

import type { Message } from '../../core/say.ts';

/** A thing said to the user, Chinese first (core/say.ts). */
export type Words = Message;

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the help, for a string option: DIR, PATH, FILE … */
  value?: string;
  help: Words;
}

export interface ArgumentSpec {
  /** How the help shows it, e.g. `[讲话稿.md]`. */
  shown: string;
  /** Whether it must be given; otherwise `fallback` is used. */
  required: boolean;
  /** Used when the argument is left out. */
  fallback?: string;
  /** Said when a required argument is missing. */
  missing?: Words;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandInput {
  /** The argument as given, resolved to an absolute path; the fallback when left out. */
  file: string;
  values: OptionValues;
}

export interface Command {
  name: string;
  summary: Words;
  argument?: ArgumentSpec;
  options: Record<string, OptionSpec>;
  /** Lines of further help, each Chinese then English. */
  notes?: Words[];
  /** Runs the command; resolves to the exit code. */
  run: (input: CommandInput) => Promise<number>;
}

/** The speech every command but import and studio reads. */
export const SPEECH_ARGUMENT: ArgumentSpec = { shown: '[讲话稿.md]', required: false, fallback: 'slides/speech.md' };

export const OUT_DIR: OptionSpec = {
  type: 'string',
  value: '文件夹 DIR',
  help: { zh: '写到这个文件夹（默认 dist）', en: 'write into this folder (default dist)' },
};

export const BROWSER_PATH: OptionSpec = {
  type: 'string',
  value: '路径 PATH',
  help: { zh: '用这个 Chrome、Edge 或 Chromium 打印（默认自动查找）', en: 'print with this Chrome, Edge or Chromium (found by itself otherwise)' },
};

/** The option's string value, or `fallback`. */
export function stringOption(values: OptionValues, name: string, fallback: string): string;
export function stringOption(values: OptionValues, name: string): string | undefined;
export function stringOption(values: OptionValues, name: string, fallback?: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : fallback;
}

/** The default output folder. */
export const DEFAULT_OUT_DIR = 'dist';
