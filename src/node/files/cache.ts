/**
 * The build's caches (font subsets, the page shell): each entry is kept as `<key>-<hash of its bytes>.<ext>`. An
 * entry whose bytes do not match its name (cut short, overwritten, damaged on the disk) or that fails its own
 * check is removed and made again, so a bad cache can cost time but never put a broken part into a deck.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutputs } from './output.ts';

function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** The cached entry for `key`, if one is whole and passes `valid`. */
export function readCached(cacheDir: string, key: string, ext: string, valid: (bytes: Buffer) => boolean): Buffer | undefined {
  let names: string[];
  try {
    names = readdirSync(cacheDir).filter((n) => n.startsWith(`${key}-`) && n.endsWith(`.${ext}`));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const path = join(cacheDir, name);
    try {
      const bytes = readFileSync(path);
      if (`${key}-${contentHash(bytes)}.${ext}` === name && valid(bytes)) return bytes;
      unlinkSync(path);
    } catch {
      // Unreadable or not removable: make it again all the same.
    }
  }
  return undefined;
}

/** Keeps an entry for later runs, written atomically; a cache that cannot be written only costs time later. */
export async function keepCached(cacheDir: string, key: string, ext: string, data: Uint8Array, notKept: (message: string) => void): Promise<void> {
  try {
    await writeOutputs([{ path: join(cacheDir, `${key}-${contentHash(data)}.${ext}`), data }], { cache: true });
  } catch (error) {
    notKept((error as Error).message);
  }
}

/** Removes all but the `keep` newest entries whose names pass `kind`, so that a cache does not grow with every edit. */
export function forgetOldest(cacheDir: string, keep: number, kind: (name: string) => boolean): void {
  try {
    const entries = readdirSync(cacheDir)
      .filter(kind)
      .map((name) => ({ path: join(cacheDir, name), time: statSync(join(cacheDir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { path } of entries.slice(keep)) unlinkSync(path);
  } catch {
    // Another command may be tidying the same folder; what is left is tidied next time.
  }
}
