import { formatProblem } from './errors.ts';
import { embedPictures } from './images.ts';
import { loadSpeech } from './load.ts';
import type { Problem } from '../core/model.ts';
import { proofread, type Finding } from '../proofread/index.ts';
import { withProofreadingMemory } from './proofreading-memory.ts';

/** What `speech-deck check` found in one speech. */
export interface CheckReport {
  file: string;
  /** Structure problems and proofreading findings, in file order. */
  problems: (Problem | Finding)[];
}

/** Reads a speech and reports its structure problems and proofreading findings, without building; pictures are opened to see that they can be. */
export async function checkSpeech(input: string): Promise<CheckReport> {
  // The kept cuts serve the headings' line breaks too, so that an edit to one paragraph cuts only that paragraph.
  return withProofreadingMemory(async () => {
    const { file, markdown, deck, words } = loadSpeech(input);
    await words?.keep();
    const problems = [...deck.problems, ...(await embedPictures(deck, input)), ...proofread(markdown)].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    return { file, problems };
  });
}

/** One line per problem, like a linter: `file:line:col: severity: message; suggestion [rule]`. */
export function formatReport(report: CheckReport): string {
  const lines = report.problems.map((p) => formatProblem(report.file, p) + ('rule' in p ? `; ${p.suggestion} [${p.rule}]` : ''));
  return [...lines, summary(report)].join('\n');
}

function summary({ file, problems }: CheckReport): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (!problems.length) return `${file}: no problems found · 没有发现问题`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} · ${errors} 个错误，${warnings} 个提醒`;
}

/** Runs the check for the command line; the exit code is 1 when there are errors. */
export async function runCheck(input: string): Promise<number> {
  const report = await checkSpeech(input);
  console.log(formatReport(report));
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
