import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { FILES } from '../messages.ts';
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
      if (code === 'EEXIST') throw new CLIError(say(FILES.exists, { path: displayPath(path) }));
      // File systems without hard links (FAT on a USB stick): check, then move.
      if (existsSync(path)) throw new CLIError(say(FILES.exists, { path: displayPath(path) }));
      return renameSync(temp, path);
    }
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}
