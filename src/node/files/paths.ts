import { relative } from 'node:path';

/** A path relative to the working directory when it lies below it, else as given: how messages name files. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
