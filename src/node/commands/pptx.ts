/** `speech-deck pptx`: the deck as an editable PowerPoint file, `<name>.pptx`, with the whole speech in its notes. */
import { basename, extname, join, resolve } from 'node:path';
import { say } from '../../core/say.ts';
import { displayPath } from '../files/paths.ts';
import { BUILD, PICTURES } from '../messages.ts';
import { type Command, DEFAULT_OUT_DIR, OUT_DIR, SPEECH_ARGUMENT, stringOption } from './command.ts';

export const pptx: Command = {
  name: 'pptx',
  summary: { zh: '生成可编辑的 PowerPoint 文件 <名称>.pptx，备注里是全部讲话', en: 'write an editable <name>.pptx with the whole speech in its notes' },
  argument: SPEECH_ARGUMENT,
  options: { 'out-dir': OUT_DIR },
  run: async ({ file, values }) => {
    await exportPptx({ input: file, outDir: stringOption(values, 'out-dir', DEFAULT_OUT_DIR) });
    return 0;
  },
};

export interface PptxExport {
  path: string;
  slides: number;
  bytes: number;
  seconds: number;
}

/** Loads the speech, renders it to .pptx and writes the file atomically; prints progress unless `progress` is given. */
export async function exportPptx(options: { input: string; outDir: string; progress?: (line: string) => void }): Promise<PptxExport> {
  const started = performance.now();
  const progress = options.progress ?? ((line: string) => console.log(line));
  const [{ loadSpeech }, { checkedSpeech, createReporter }, { writeOutputs }, { formatProblem }, { renderPptx }] = await Promise.all([
    import('../speech/load.ts'),
    import('../speech/checked.ts'),
    import('../files/output.ts'),
    import('../errors.ts'),
    import('../../render/pptx.ts'),
  ]);
  const { deck, file } = await checkedSpeech(loadSpeech(options.input), createReporter());
  const target = join(resolve(options.outDir), `${basename(options.input, extname(options.input))}.pptx`);
  progress(say(BUILD.writingPptx, { target: displayPath(target), source: file }));
  const result = await renderPptx(deck);
  for (const item of result.skipped) console.error(formatProblem(file, { line: item.line, severity: 'warning', message: say(PICTURES.notInPptx) }));
  await writeOutputs([{ path: target, data: result.bytes, check: zipPackage }]);
  const seconds = (performance.now() - started) / 1000;
  const kb = Math.round(result.bytes.length / 1024);
  progress(say(BUILD.wrotePptx, { target: displayPath(target), seconds: seconds.toFixed(1), slides: result.slides, kb }));
  return { path: target, slides: result.slides, bytes: result.bytes.length, seconds };
}

/** A .pptx read back from the disk must be a whole zip package: its end-of-directory record is there. */
function zipPackage(written: Uint8Array): void {
  const end = Buffer.from(written).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end < written.length - 22 - 0xffff) throw new Error('the PowerPoint package is incomplete');
}
