/** `speech-deck pptx`: writes the deck as an editable PowerPoint file, `<name>.pptx`, next to the other outputs. */
import { basename, extname, join, resolve } from 'node:path';
import { checkedSpeech, createReporter } from './build.ts';
import { formatProblem } from './errors.ts';
import { displayPath, loadSpeech } from './load.ts';
import { writeOutputs } from './output.ts';
import { renderPptx } from '../render/pptx.ts';

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
  const { deck, file } = await checkedSpeech(loadSpeech(options.input), createReporter());
  const target = join(resolve(options.outDir), `${basename(options.input, extname(options.input))}.pptx`);
  progress(`正在生成 PowerPoint 文件 · Writing ${displayPath(target)} from ${file} …`);
  const result = await renderPptx(deck);
  for (const item of result.skipped) {
    console.error(formatProblem(file, { line: item.line, severity: 'warning', message: 'this picture is not PNG, JPEG or GIF data and is shown as its description in the .pptx · 图片不是 PNG、JPEG 或 GIF，PowerPoint 文件里只显示其说明文字' }));
  }
  await writeOutputs([{ path: target, data: result.bytes, check: zipPackage }]);
  const seconds = (performance.now() - started) / 1000;
  progress(`已写出 · Wrote ${displayPath(target)} in ${seconds.toFixed(1)} s: ${result.slides} slides, ${Math.round(result.bytes.length / 1024)} KB, the whole speech in the notes`);
  return { path: target, slides: result.slides, bytes: result.bytes.length, seconds };
}

/** A .pptx read back from the disk must be a whole zip package: its end-of-directory record is there. */
function zipPackage(written: Uint8Array): void {
  const end = Buffer.from(written).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end < written.length - 22 - 0xffff) throw new Error('the PowerPoint package is incomplete');
}
