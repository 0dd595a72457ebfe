import type { Problem } from '../core/model.ts';
import { problemLine } from '../core/messages.ts';

/** An error meant for the person at the terminal: its message says what to do; caught once in the CLI. */
export class CLIError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CLIError';
  }
}

/**
 * `file:line[:column]: 错误 error: 中文 · English`, the form editors and terminals link to: after the place, the
 * severity and the message both start in Chinese.
 */
export function formatProblem(file: string, problem: Problem): string {
  const where = problem.column ? `${problem.line}:${problem.column}` : `${problem.line}`;
  return problemLine(`${file}:${where}`, problem);
}
