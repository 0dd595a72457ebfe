/** `speech-deck pptx`: writes the deck as an editable PowerPoint file, `<name>.pptx`, next to the other outputs. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { checkedSpeech, createReporter } from './build.ts';
import { CLIError, formatProblem } from './errors.ts';
import { displayPath } from './load.ts';
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
  const { deck, file } = checkedSpeech(options.input, createReporter());
  const target = join(resolve(options.outDir), `${basename(options.input, extname(options.input))}.pptx`);
  progress(`正在生成 PowerPoint 文件 · Writing ${displayPath(target)} from ${file} …`);
  const result = await renderPptx(deck);
  for (const item of result.skipped) {
    console.error(formatProblem(file, { line: item.line, severity: 'warning', message: 'this picture is not PNG, JPEG or GIF data and is shown as its description in the .pptx · 图片不是 PNG、JPEG 或 GIF，PowerPoint 文件里只显示其说明文字' }));
  }
  writeAtomically(target, result.bytes);
  const seconds = (performance.now() - started) / 1000;
  progress(`已写出 · Wrote ${displayPath(target)} in ${seconds.toFixed(1)} s: ${result.slides} slides, ${Math.round(result.bytes.length / 1024)} KB, the whole speech in the notes`);
  return { path: target, slides: result.slides, bytes: result.bytes.length, seconds };
}

/** Writes to a temporary file in the destination folder, then renames it over the target: never a half-written file. */
export function writeAtomically(target: string, bytes: Uint8Array): void {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself could not be made or written: there is no temporary file to remove.
    }
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CLIError(`${displayPath(target)} could not be written (${code}); check that the folder is writable and the file is not open in PowerPoint · 无法写入，请检查文件夹可写、文件未在 PowerPoint 中打开`);
  }
}
