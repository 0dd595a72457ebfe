/**
 * `speech-deck check`: reads the speech as a build would and reports its structure problems and proofreading
 * findings, like a linter, without building; pictures are opened to see that they can be. Exit 1 on errors.
 */
import type { Problem } from '../../core/model.ts';
import type { Finding } from '../../proofread/index.ts';
import { both, say } from '../../core/say.ts';
import { formatProblem } from '../errors.ts';
import { SPEECH } from '../messages.ts';
import { type Command, SPEECH_ARGUMENT } from './command.ts';

export const check: Command = {
  name: 'check',
  summary: { zh: '检查结构、校对文字（错别字、规范表述），不生成文件', en: 'report problems and proofread the text, without building' },
  argument: SPEECH_ARGUMENT,
  options: {},
  run: ({ file }) => runCheck(file),
};

/** What `speech-deck check` found in one speech. */
export interface CheckReport {
  file: string;
  /** Structure problems and proofreading findings, in file order. */
  problems: (Problem | Finding)[];
}

/** Reads a speech and reports its structure problems and proofreading findings. */
export async function checkSpeech(input: string): Promise<CheckReport> {
  const [{ loadSpeech }, { embedPictures }, { proofread }, { withProofreadingMemory }] = await Promise.all([
    import('../speech/load.ts'),
    import('../speech/images.ts'),
    import('../../proofread/index.ts'),
    import('../speech/proofreading-memory.ts'),
  ]);
  // The kept cuts serve the headings' line breaks too, so that an edit to one paragraph cuts only that paragraph.
  return withProofreadingMemory(async () => {
    const { file, markdown, deck, words } = loadSpeech(input);
    await words?.keep();
    const problems = [...deck.problems, ...(await embedPictures(deck, input)), ...proofread(markdown)];
    return { file, problems: problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)) };
  });
}

/** One line per problem, like a linter: `file:line:col: 提醒 warning: 中文；建议 · English; advice [rule]`. */
export function formatReport(report: CheckReport): string {
  const lines = report.problems.map((p) => formatProblem(report.file, p) + ('rule' in p ? ` [${p.rule}]` : ''));
  return [...lines, summary(report)].join('\n');
}

function summary({ file, problems }: CheckReport): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (!problems.length) return say(SPEECH.checkedClean, { file });
  const count = (n: number) => (n === 1 ? SPEECH.oneErrorCount : SPEECH.errorCount);
  const warned = (n: number) => (n === 1 ? SPEECH.oneWarningCount : SPEECH.warningCount);
  return say(SPEECH.checked, { file, errors: both(count(errors), { n: errors }), warnings: both(warned(warnings), { n: warnings }) });
}

/** Runs the check for the command line; the exit code is 1 when there are errors. */
export async function runCheck(input: string): Promise<number> {
  const report = await checkSpeech(input);
  console.log(formatReport(report));
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
