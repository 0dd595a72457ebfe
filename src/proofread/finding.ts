import type { Problem, Severity } from '../core/model.ts';

/** A proofreading finding: a problem at a line and column, with the rule that found it and a suggested fix. */
export interface Finding extends Problem {
  column: number;
  /** Short name of the rule, such as `terms`, shown in brackets. */
  rule: string;
  suggestion: string;
}

/** A run of the speech's source lines read as one piece of text (a paragraph, heading or list). */
export interface Block {
  /** The lines joined with `\n`; code and link addresses are blanked out, keeping every column in place. */
  text: string;
  /** File line of the block's first line, 1-based. */
  line: number;
}

/** What a rule found at a character offset of a block. */
export interface Hit {
  at: number;
  severity: Severity;
  message: string;
  suggestion: string;
}

/** One proofreading rule: reads a block, with the whole speech's prose at hand, and yields what it finds in order. */
export interface Rule {
  name: string;
  /** A generator, so that a pathological paragraph costs no more than the findings that are shown. */
  check: (block: Block, speech: string) => Iterable<Hit>;
}

/** True for a Chinese character (Han script). */
export function isHan(char: string | undefined): boolean {
  return !!char && /^\p{Script=Han}$/u.test(char);
}
