import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CLIError } from '../errors.ts';
import { cannotWrite, ensureFolder } from './output.ts';
import { displayPath } from './paths.ts';

/**
 * Writes a file whole or not at all: into a temporary file in the same folder, then moved into place. Without
 * `force` the move is a hard link, which fails rather than replace a file that appeared meanwhile.
 */
export function writeNew(path: string, data: string | Uint8Array, force: boolean): void {
  // A file where the folder should be, a read-only folder, a full disk: said as plainly as for the other outputs.
  ensureFolder(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw cannotWrite(path, error);
  }
  try {
    if (force) return renameSync(temp, path);
    try {
      linkSync(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new CLIError(`${displayPath(path)}: 已经存在，没有改动；要覆盖请加 --force · already exists, left as it is; add --force to replace it`);
      // File systems without hard links (FAT on a USB stick): check, then move.
      if (existsSync(path))
        throw new CLIError(`${displayPath(path)}: 已经存在，没有改动；要覆盖请加 --force · already exists, left as it is; add --force to replace it`);
      return renameSync(temp, path);
    }
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}
