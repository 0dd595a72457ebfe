import type { Problem, Severity } from '../core/model.ts';
import { both, type Message, say, type Values } from '../core/say.ts';

/**
 * A proofreading finding: a problem at a line and column, with the rule that found it and a suggested fix. Its
 * `message` says what seems wrong and what to do, Chinese first; `suggestion` is what to do alone.
 */
export interface Finding extends Problem {
  column: number;
  /** Short name of the rule, such as `terms`, shown in brackets. */
  rule: string;
  suggestion: string;
}

/** A passage of the speech's prose: the source lines of one heading, paragraph or list item, read as one piece of text. */
export interface Passage {
  /** The lines joined with `\n`; code and link addresses are blanked out, keeping every column in place. */
  text: string;
  /** File line of the passage's first line, 1-based. */
  line: number;
}

/** What a rule found at a character offset of a passage: what seems wrong and what to do, each in both languages. */
export interface Hit {
  at: number;
  severity: Severity;
  message: Message;
  suggestion: Message;
}

/** A hit from a finding's and an advice's messages, filled in with the same values. */
export function hit(at: number, severity: Severity, finding: Message, advice: Message, values: Values = {}): Hit {
  return { at, severity, message: both(finding, values), suggestion: both(advice, values) };
}

/** What seems wrong, then what to do, as one message: `中文；建议 · English; advice`. */
export function withAdvice(hit: Pick<Hit, 'message' | 'suggestion'>): string {
  return say({ zh: `${hit.message.zh}；${hit.suggestion.zh}`, en: `${hit.message.en}; ${hit.suggestion.en}` });
}

/** One proofreading rule: reads a passage, with the whole speech's prose at hand, and yields what it finds in order. */
export interface Rule {
  name: string;
  /** A generator, so that a pathological paragraph costs no more than the findings that are shown. */
  check: (passage: Passage, speech: string) => Iterable<Hit>;
}

/** True for a Chinese character (Han script). */
export function isHan(char: string | undefined): boolean {
  return !!char && /^\p{Script=Han}$/u.test(char);
}
