/**
 * `speech-deck import <讲话.docx|.doc|.wps|.txt> [-o slides/<name>.md] [--force]`: reads the office's Word or text file,
 * finds its title, sections, sub-points, opening and closing, drafts key phrases, and writes it as a speech in
 * Markdown (pictures beside it), with a report of what it found. Nothing that exists is replaced without --force.
 */
import { hasErrors } from '../../core/model.ts';
import { say } from '../../core/say.ts';
import { displayPath } from '../files/paths.ts';
import { BUILD } from '../messages.ts';
import type { ImportRequest } from '../speech/import-file.ts';
import type { Command } from './command.ts';

export const importCommand: Command = {
  name: 'import',
  summary: {
    zh: '把 Word（.docx、.doc）、WPS 或文本文件转成 Markdown 讲话稿（默认 slides/<名称>.md）',
    en: 'turn a Word (.docx, .doc), WPS or text file into a speech in Markdown (default slides/<name>.md)',
  },
  argument: {
    shown: '<讲话.docx|.doc|.wps|.txt>',
    required: true,
    missing: {
      zh: 'import 需要给出要读的 Word 或文本文件，例如 speech-deck import 讲话.docx',
      en: 'import needs the Word or text file to read, e.g. speech-deck import 讲话.docx',
    },
  },
  options: {
    output: { type: 'string', short: 'o', value: '文件 FILE', help: { zh: '写到这个 .md 文件', en: 'write the speech to this .md file' } },
    force: { type: 'boolean', help: { zh: '覆盖已有的文件', en: 'replace files that exist already' } },
  },
  run: ({ file, values }) => runImport({ input: file, output: typeof values.output === 'string' ? values.output : undefined, force: values.force === true }),
};

/** Runs the command for the CLI: prints the report and the next step; returns the exit code. */
export async function runImport(request: ImportRequest): Promise<number> {
  const { importFile } = await import('../speech/import-file.ts');
  const { imported, written, report } = await importFile(request);
  console.log(report);
  const md = displayPath(written.at(-1)!);
  console.log('');
  console.log(say(BUILD.imported, { files: { zh: written.map(displayPath).join('、'), en: written.map(displayPath).join(', ') } }));
  console.log(say(BUILD.nextStep, { md }));
  return hasErrors(imported.deck.problems) ? 1 : 0;
}
