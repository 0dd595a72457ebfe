import type { Problem } from '../core/model.ts';

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

/** `file:line[:column]: severity: message`, the form editors and terminals link to. */
export function formatProblem(file: string, problem: Problem): string {
  const where = problem.column ? `${problem.line}:${problem.column}` : `${problem.line}`;
  return `${file}:${where}: ${problem.severity}: ${problem.message}`;
}
